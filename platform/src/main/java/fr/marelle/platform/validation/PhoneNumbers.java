package fr.marelle.platform.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** French phone numbers, as typed by people ("06 12 34 56 78", "+33 6…"), stored in E.164 ("+33612345678"). */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form of a valid French number (metropolitan or overseas), or empty. */
    public static Optional<String> toE164(String input) {
        if (input == null || input.isBlank() || input.length() > 30) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(input, "FR");
            String region = UTIL.getRegionCodeForNumber(number);
            if (!UTIL.isValidNumber(number) || region == null || !FRENCH_REGIONS.contains(region)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** True for a French mobile number, which can receive SMS. */
    public static boolean isMobile(String e164) {
        try {
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(UTIL.parse(e164, "FR"));
            return type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** "+33612345678" as "06 12 34 56 78". */
    public static String toNational(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, "FR"), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    private static final java.util.Set<String> FRENCH_REGIONS =
            java.util.Set.of("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC");
}
