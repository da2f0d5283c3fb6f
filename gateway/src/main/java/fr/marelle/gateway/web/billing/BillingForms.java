package fr.marelle.gateway.web.billing;

import fr.marelle.gateway.web.forms.FormErrors;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The console's billing forms: plain holders bound by field, checked with billing-service's rules and words. */
final class BillingForms {

    static final int BRACKET_ROWS = 6;
    private static final Pattern EUROS = Pattern.compile("[0-9]{1,4}([.,][0-9]{1,2})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,5}");

    private BillingForms() {
    }

    /** The month whose invoices to issue, as AAAA-MM (an HTML month field). */
    public static class RunForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String period = "";
    }

    public static class BracketRow implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String maxQuotientFamilial = "";
        public String unitPrice = "";

        boolean isBlank() {
            return blank(maxQuotientFamilial) && blank(unitPrice);
        }
    }

    /** A tariff grid: its service, date of effect, up to six brackets (the last one open) and the surcharge. */
    public static class GridForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String serviceId = "";
        public String effectiveFrom = "";
        public List<BracketRow> brackets = new ArrayList<>();
        public String unbookedSurcharge = "0";

        GridForm() {
            for (int i = 0; i < BRACKET_ROWS; i++) {
                brackets.add(new BracketRow());
            }
        }

        /** The brackets as billing-service takes them, once checked; {@code null} when a field is wrong. */
        List<java.util.Map<String, Object>> check(FormErrors errors) {
            if (blank(serviceId)) {
                errors.reject("serviceId", "billing.error.service.required");
            }
            LocalDate date = date(errors);
            List<java.util.Map<String, Object>> rows = new ArrayList<>();
            int last = -1;
            for (int i = 0; i < brackets.size(); i++) {
                if (!brackets.get(i).isBlank()) {
                    last = i;
                }
            }
            if (last < 0) {
                errors.reject("brackets[0].unitPrice", "billing.error.brackets.required");
            }
            for (int i = 0; i <= last; i++) {
                BracketRow row = brackets.get(i);
                String ceilingField = "brackets[" + i + "].maxQuotientFamilial";
                String priceField = "brackets[" + i + "].unitPrice";
                Integer ceiling = null;
                if (i < last) {
                    if (blank(row.maxQuotientFamilial)) {
                        errors.reject(ceilingField, "billing.error.ceiling.required");
                    } else if (!WHOLE.matcher(row.maxQuotientFamilial.strip()).matches()) {
                        errors.reject(ceilingField, "billing.error.ceiling.invalid");
                    } else {
                        ceiling = Integer.parseInt(row.maxQuotientFamilial.strip());
                    }
                } else if (!blank(row.maxQuotientFamilial)) {
                    errors.reject(ceilingField, "billing.error.ceiling.last");
                }
                Long cents = cents(errors, priceField, row.unitPrice, true);
                java.util.Map<String, Object> bracket = new java.util.HashMap<>();
                bracket.put("maxQuotientFamilial", ceiling);
                bracket.put("unitPriceCents", cents);
                rows.add(bracket);
            }
            cents(errors, "unbookedSurcharge", unbookedSurcharge, false);
            return date == null || !errors.isEmpty() ? null : rows;
        }

        LocalDate date(FormErrors errors) {
            if (blank(effectiveFrom)) {
                errors.reject("effectiveFrom", "billing.error.effectiveFrom.required");
                return null;
            }
            try {
                return LocalDate.parse(effectiveFrom.strip());
            } catch (DateTimeParseException e) {
                errors.reject("effectiveFrom", "billing.error.effectiveFrom.invalid");
                return null;
            }
        }

        long surchargeCents() {
            return blank(unbookedSurcharge) ? 0 : toCents(unbookedSurcharge);
        }
    }

    /** A credit note: its reason, and how many units of each invoice line to credit. */
    public static class CreditNoteForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String reason = "";
        public List<String> quantities = new ArrayList<>();
    }

    /** Euros as typed ("1,90", "2", "1.5") in cents; an error next to the field otherwise. */
    static Long cents(FormErrors errors, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.reject(field, "billing.error.price.required");
            }
            return null;
        }
        String typed = value.strip().replace("€", "").replace("\u00a0", "").strip();
        if (!EUROS.matcher(typed).matches()) {
            errors.reject(field, "billing.error.price.invalid");
            return null;
        }
        return toCents(typed);
    }

    static long toCents(String euros) {
        return new BigDecimal(euros.strip().replace("€", "").replace("\u00a0", "").strip().replace(',', '.'))
                .movePointRight(2).longValueExact();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Cents as the form shows them back: "1,90". */
    static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }
}
