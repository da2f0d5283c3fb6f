package fr.marelle.notification.message;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of messages a family gets, each with the channels it may choose (screen 21, "Mes notifications") and
 * what it gets when it has chosen nothing. {@link #ACCOUNT} is the emails of the account itself (address
 * confirmation, password, activation…): always sent by email, never a preference.
 */
public enum NotificationKind {

    /** The account's own emails: not a preference. */
    ACCOUNT(false, EnumSet.of(Channel.EMAIL), EnumSet.of(Channel.EMAIL)),
    /** The wallet's balance went below the family's alert threshold (15,00 € by default). */
    WALLET_BALANCE_LOW(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL, Channel.SMS)),
    /** The wallet's balance went below zero. */
    WALLET_OVERDRAWN(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL, Channel.SMS)),
    /** The days asked for on the planning were booked (or put on the waiting list). */
    BOOKING_CONFIRMED(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL)),
    /** A place freed on the waiting list went to a child of the family. */
    WAITLIST_PLACE_GRANTED(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL, Channel.SMS)),
    /** The town closed a service on a day the family had booked (a strike, a bridge day). */
    SERVICE_DAY_CANCELLED(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL, Channel.SMS)),
    /** Staff refused a document the family sent, with the reason. */
    DOCUMENT_REJECTED(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL)),
    /** Staff approved a document the family sent: only if the family asks for it. */
    DOCUMENT_APPROVED(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.noneOf(Channel.class)),
    /** A monthly invoice is available. */
    INVOICE_ISSUED(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL)),
    /** The result of a card top-up of the wallet, paid or not. */
    TOP_UP_RESULT(true, EnumSet.of(Channel.EMAIL, Channel.SMS), EnumSet.of(Channel.EMAIL)),
    /**
     * The town's newsletter: by email only, and only to the guardians who consented in their profile; the family's
     * choice here (and the unsubscribe link of every newsletter) turns it off for the whole family.
     */
    NEWSLETTER(true, EnumSet.of(Channel.EMAIL), EnumSet.of(Channel.EMAIL));

    private final boolean chosenByFamily;
    private final Set<Channel> offered;
    private final Set<Channel> defaults;

    NotificationKind(boolean chosenByFamily, Set<Channel> offered, Set<Channel> defaults) {
        this.chosenByFamily = chosenByFamily;
        this.offered = Set.copyOf(offered);
        this.defaults = Set.copyOf(defaults);
    }

    /** Whether families choose the channels of this kind ({@link #ACCOUNT} is always sent). */
    public boolean isChosenByFamily() {
        return chosenByFamily;
    }

    /** The channels a family may choose for this kind. */
    public Set<Channel> offered() {
        return offered;
    }

    /** The channels of a family that has chosen nothing for this kind. */
    public Set<Channel> defaults() {
        return defaults;
    }

    public boolean offers(Channel channel) {
        return offered.contains(channel);
    }

    /** The kinds shown on "Mes notifications", in the page's order. */
    public static List<NotificationKind> chosenByFamilies() {
        return Arrays.stream(values()).filter(NotificationKind::isChosenByFamily).toList();
    }

    public static Optional<NotificationKind> named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
