package fr.marelle.wallet.wallet.query;

import fr.marelle.platform.audit.history.TimeTravelView;
import fr.marelle.wallet.wallet.query.WalletQueries.MovementView;
import fr.marelle.wallet.wallet.query.WalletQueries.WalletView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * For the audit console: a family's wallet as of any instant — the four figures (Solde, À venir, Solde mercredi
 * récréatif, À venir mercredi récréatif) and the movements up to then, newest first — read by the same queries as
 * the live wallet page, from the wallet-view read model rebuilt from the family's events until that instant.
 */
@Component
class WalletAsOf implements TimeTravelView {

    /** Movements shown with the figures, as many as the console's history shows on one page at most. */
    static final int MOVEMENTS = 200;

    record State(WalletView wallet, List<MovementView> movements) {
    }

    @Override
    public String name() {
        return "wallet";
    }

    @Override
    public String processingGroup() {
        return WalletProjection.GROUP;
    }

    @Override
    public Object read(JdbcClient readModel, String familyId) {
        UUID family;
        try {
            family = UUID.fromString(familyId);
        } catch (IllegalArgumentException e) {
            // not a family id a wallet could have: the empty wallet, as the live page shows an unknown family
            return new State(WalletView.empty(null), List.of());
        }
        return new State(WalletQueries.wallet(readModel, family),
                WalletQueries.movements(readModel, family, null, MOVEMENTS));
    }
}
