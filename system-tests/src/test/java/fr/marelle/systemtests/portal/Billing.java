package fr.marelle.systemtests.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing console's steps journeys share: a service's tariff grid, a month's invoices. */
public final class Billing {

    private Billing() {
    }

    /**
     * The administrator enters a service's tariff grid, in force from a date: one price up to a quotient familial,
     * another above it. The service must be in billing's catalogue (planning publishes it).
     */
    public static void enterTariff(Browser staff, String serviceId, LocalDate effectiveFrom, String maxQuotient,
                                   String lowPrice, String highPrice) {
        Pages.eventually(staff, Portal.GATEWAY + "/admin/facturation/tarifs/nouvelle-grille",
                () -> !staff.driver().findElements(By.cssSelector("#serviceId option[value='" + serviceId + "']"))
                        .isEmpty());
        new Select(staff.find(By.id("serviceId"))).selectByValue(serviceId);
        Pages.setValue(staff, "effectiveFrom", effectiveFrom.toString());
        staff.type("brackets-0-maxQuotientFamilial", maxQuotient).type("brackets-0-unitPrice", lowPrice)
                .type("brackets-1-unitPrice", highPrice);
        staff.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(staff.text()).contains("Grille enregistrée.");
    }

    /**
     * Month end from the console: the month's invoices are issued, and the run (the newest, first in the list; a
     * month issued again only invoices what is missing) is followed until it is over without errors.
     */
    public static void issueInvoices(Browser staff, YearMonth month) {
        staff.open(Portal.GATEWAY + "/admin/facturation");
        Pages.setValue(staff, "period", month.toString());
        staff.submit(By.cssSelector("form[action$='/emissions'] button[type=submit]"));
        By newest = By.cssSelector("#emissions ~ .table-wrapper tbody tr:first-child .badge");
        Pages.eventually(staff, Portal.GATEWAY + "/admin/facturation",
                () -> staff.driver().findElements(newest).stream().anyMatch(b -> !b.getText().equals("En cours")));
        assertThat(staff.find(newest).getText()).isEqualTo("Terminée");
    }

    /** School days (not Wednesdays nor weekends) of the month, the first {@code count}. */
    public static List<LocalDate> schoolDays(YearMonth month, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = month.atDay(1); days.size() < count; d = d.plusDays(1)) {
            switch (d.getDayOfWeek()) {
                case WEDNESDAY, SATURDAY, SUNDAY -> {
                }
                default -> days.add(d);
            }
        }
        return days;
    }
}
