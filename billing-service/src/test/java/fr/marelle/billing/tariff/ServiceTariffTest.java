package fr.marelle.billing.tariff;

import fr.marelle.billing.tariff.TariffCommands.PublishTariffGrid;
import fr.marelle.billing.tariff.TariffCommands.WithdrawTariffGrid;
import fr.marelle.billing.tariff.TariffEvents.TariffGridPublished;
import fr.marelle.billing.tariff.TariffEvents.TariffGridWithdrawn;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTariffTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate NEXT_YEAR = LocalDate.of(2026, 9, 1);
    static final List<Bracket> GRID = List.of(new Bracket(500, 120), new Bracket(800, 190), new Bracket(null, 260));

    AggregateTestFixture<ServiceTariff> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceTariff.class);
    }

    @Nested
    class Publishing {
        @Test
        void next_years_grid_is_prepared_in_advance() {
            fixture.givenNoPriorActivity()
                    .when(new PublishTariffGrid("canteen", NEXT_YEAR, GRID, 100, TODAY))
                    .expectEvents(new TariffGridPublished("canteen", NEXT_YEAR, GRID, 100));
        }

        @Test
        void a_prepared_grid_may_be_changed_until_it_takes_effect() {
            List<Bracket> changed = List.of(new Bracket(600, 130), new Bracket(null, 270));
            fixture.given(new TariffGridPublished("canteen", NEXT_YEAR, GRID, 100))
                    .when(new PublishTariffGrid("canteen", NEXT_YEAR, changed, 0, TODAY))
                    .expectEvents(new TariffGridPublished("canteen", NEXT_YEAR, changed, 0));
        }

        @Test
        void a_grid_in_force_is_never_changed() {
            fixture.given(new TariffGridPublished("canteen", NEXT_YEAR, GRID, 100))
                    .when(new PublishTariffGrid("canteen", NEXT_YEAR, GRID, 0, NEXT_YEAR.plusDays(3)))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Cette grille est déjà en vigueur : préparez une nouvelle grille avec "
                            + "une date d'effet future.");
        }

        @Test
        void once_a_grid_is_in_force_no_grid_takes_effect_in_the_past() {
            LocalDate lastYear = LocalDate.of(2025, 9, 1);
            fixture.given(new TariffGridPublished("canteen", lastYear, GRID, 100))
                    .when(new PublishTariffGrid("canteen", TODAY.minusDays(1), GRID, 0, TODAY))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Une grille prend effet au plus tôt aujourd'hui.");
        }

        @Test
        void the_first_grid_of_a_service_may_take_effect_in_the_past_nothing_was_priced_before_it() {
            LocalDate schoolYear = LocalDate.of(2025, 9, 1);
            fixture.givenNoPriorActivity()
                    .when(new PublishTariffGrid("canteen", schoolYear, GRID, 0, TODAY))
                    .expectEvents(new TariffGridPublished("canteen", schoolYear, GRID, 0));
            // a grid only prepared (not in force) priced nothing either
            fixture.given(new TariffGridPublished("canteen", NEXT_YEAR, GRID, 100))
                    .when(new PublishTariffGrid("canteen", schoolYear, GRID, 0, TODAY))
                    .expectEvents(new TariffGridPublished("canteen", schoolYear, GRID, 0));
        }

        @Test
        void the_last_bracket_is_open_for_families_without_attestation() {
            fixture.givenNoPriorActivity()
                    .when(new PublishTariffGrid("canteen", NEXT_YEAR, List.of(new Bracket(500, 120),
                            new Bracket(800, 190)), 0, TODAY))
                    .expectException(DomainException.class);
        }

        @Test
        void ceilings_are_increasing_and_prices_not_negative() {
            fixture.givenNoPriorActivity()
                    .when(new PublishTariffGrid("canteen", NEXT_YEAR, List.of(new Bracket(800, 120),
                            new Bracket(500, 190), new Bracket(null, 260)), 0, TODAY))
                    .expectException(DomainException.class);
            fixture.givenNoPriorActivity()
                    .when(new PublishTariffGrid("canteen", NEXT_YEAR, List.of(new Bracket(null, -1)), 0, TODAY))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Withdrawing {
        @Test
        void a_prepared_grid_is_withdrawn() {
            fixture.given(new TariffGridPublished("canteen", NEXT_YEAR, GRID, 100))
                    .when(new WithdrawTariffGrid("canteen", NEXT_YEAR, TODAY))
                    .expectEvents(new TariffGridWithdrawn("canteen", NEXT_YEAR));
        }

        @Test
        void a_grid_in_force_is_never_withdrawn() {
            fixture.given(new TariffGridPublished("canteen", NEXT_YEAR, GRID, 100))
                    .when(new WithdrawTariffGrid("canteen", NEXT_YEAR, NEXT_YEAR))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Brackets {
        final TariffGrid grid = new TariffGrid("canteen", NEXT_YEAR, GRID, 100);

        @Test
        void a_family_pays_the_bracket_of_its_quotient() {
            assertThat(grid.bracketFor(0).unitPriceCents()).isEqualTo(120);
            assertThat(grid.bracketFor(500).unitPriceCents()).isEqualTo(120);
            assertThat(grid.bracketFor(501).unitPriceCents()).isEqualTo(190);
            assertThat(grid.bracketFor(800).unitPriceCents()).isEqualTo(190);
            assertThat(grid.bracketFor(801).unitPriceCents()).isEqualTo(260);
        }

        @Test
        void without_a_valid_attestation_a_family_pays_the_top_bracket() {
            assertThat(grid.bracketFor(null).unitPriceCents()).isEqualTo(260);
        }
    }
}
