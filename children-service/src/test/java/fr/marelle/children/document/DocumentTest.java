package fr.marelle.children.document;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.document.DocumentCommands.ApproveDocument;
import fr.marelle.children.document.DocumentCommands.ExpireDocument;
import fr.marelle.children.document.DocumentCommands.RejectDocument;
import fr.marelle.children.document.DocumentCommands.SubmitDocument;
import fr.marelle.children.document.DocumentEvents.DocumentApproved;
import fr.marelle.children.document.DocumentEvents.DocumentExpired;
import fr.marelle.children.document.DocumentEvents.DocumentRejected;
import fr.marelle.children.document.DocumentEvents.DocumentSubmitted;
import fr.marelle.children.document.DocumentKindCommands.ChangeDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.DefineDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.PublishBlankForm;
import fr.marelle.children.document.DocumentKindCommands.WithdrawBlankForm;
import fr.marelle.children.document.DocumentKindEvents.BlankFormPublished;
import fr.marelle.children.document.DocumentKindEvents.BlankFormWithdrawn;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindChanged;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindDefined;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static fr.marelle.children.DomainErrors.namingField;
import static fr.marelle.children.DomainErrors.withCode;

class DocumentTest {

    final UUID id = UUID.randomUUID();
    final UUID family = UUID.randomUUID();
    final UUID child = UUID.randomUUID();
    final UUID file = UUID.randomUUID();
    final SchoolYear year = SchoolYear.of("2026-2027");
    final LocalDate today = LocalDate.of(2026, 10, 5);
    final KindSnapshot healthSheet = new KindSnapshot("HEALTH_SHEET", "Fiche sanitaire", DocumentScope.FAMILY,
            Requirement.REQUIRED, Validity.SCHOOL_YEAR, null, true);
    final KindSnapshot photo = new KindSnapshot("PHOTO", "Photo d'identité", DocumentScope.CHILD,
            Requirement.REQUIRED, Validity.UNLIMITED, null, false);
    final KindSnapshot qf = new KindSnapshot("QF_ATTESTATION", "Attestation de quotient familial",
            DocumentScope.FAMILY, Requirement.OPTIONAL, Validity.MONTHS, 12, true);
    final DocumentSubmitted submitted = new DocumentSubmitted(id, "HEALTH_SHEET", "Fiche sanitaire", family, null,
            file, "fiche.pdf", year, Validity.SCHOOL_YEAR, null);
    AggregateTestFixture<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
    }

    @Nested
    class Submitting {
        @Test
        void a_family_document_waits_for_staff() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDocument(id, healthSheet, family, null, file, "fiche.pdf", year, today))
                    .expectEvents(submitted);
        }

        @Test
        void a_kind_nobody_reviews_is_valid_as_it_arrives() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDocument(id, photo, family, child, file, "photo.jpg", year, today))
                    .expectEvents(new DocumentSubmitted(id, "PHOTO", "Photo d'identité", family, child, file,
                                    "photo.jpg", year, Validity.UNLIMITED, null),
                            new DocumentApproved(id, "PHOTO", "Photo d'identité", family, child, today, null, null,
                                    true));
        }

        @Test
        void a_child_document_names_the_child_and_a_family_document_does_not() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDocument(id, photo, family, null, file, "photo.jpg", year, today))
                    .expectException(withCode("DOCUMENT_NEEDS_A_CHILD"));
            fixture.givenNoPriorActivity()
                    .when(new SubmitDocument(id, healthSheet, family, child, file, "fiche.pdf", year, today))
                    .expectException(withCode("DOCUMENT_IS_FOR_THE_FAMILY"));
        }

        @Test
        void refuses_a_kind_the_town_does_not_ask_for() {
            KindSnapshot houseRules = new KindSnapshot("HOUSE_RULES", "Règlement", DocumentScope.FAMILY,
                    Requirement.NONE, Validity.UNLIMITED, null, false);
            fixture.givenNoPriorActivity()
                    .when(new SubmitDocument(id, houseRules, family, null, file, "r.pdf", year, today))
                    .expectException(withCode("DOCUMENT_NOT_ASKED"));
        }
    }

    @Nested
    class Reviewing {
        @Test
        void approved_it_is_valid_to_the_end_of_its_school_year() {
            fixture.given(submitted).when(new ApproveDocument(id, null, null, today))
                    .expectEvents(new DocumentApproved(id, "HEALTH_SHEET", "Fiche sanitaire", family, null, today,
                            LocalDate.of(2027, 8, 31), null, false));
        }

        @Test
        void staff_may_set_another_last_day_but_not_a_past_one() {
            fixture.given(submitted).when(new ApproveDocument(id, today.minusDays(1), null, today))
                    .expectException(withCode("VALID_UNTIL_IN_PAST"));
        }

        @Test
        void a_qf_attestation_is_approved_with_the_quotient_it_shows_valid_for_its_months() {
            DocumentSubmitted qfSubmitted = new DocumentSubmitted(id, "QF_ATTESTATION", qf.title(), family, null,
                    file, "caf.pdf", year, Validity.MONTHS, 12);
            fixture.given(qfSubmitted).when(new ApproveDocument(id, null, null, today))
                    .expectException(withCode("QUOTIENT_FAMILIAL_REQUIRED"));
            fixture.given(qfSubmitted).when(new ApproveDocument(id, null, 850, today))
                    .expectEvents(new DocumentApproved(id, "QF_ATTESTATION", qf.title(), family, null, today,
                            LocalDate.of(2027, 10, 4), 850, false));
        }

        @Test
        void a_refusal_states_its_reason() {
            fixture.given(submitted).when(new RejectDocument(id, " "))
                    .expectException(withCode("REJECTION_REASON_REQUIRED"));
            fixture.given(submitted).when(new RejectDocument(id, "Le document est illisible."))
                    .expectEvents(new DocumentRejected(id, "HEALTH_SHEET", "Fiche sanitaire", family, null,
                            "Le document est illisible."));
        }

        @Test
        void a_document_is_reviewed_once() {
            fixture.given(submitted, new DocumentRejected(id, "HEALTH_SHEET", "Fiche sanitaire", family, null, "Non"))
                    .when(new ApproveDocument(id, null, null, today))
                    .expectException(withCode("DOCUMENT_ALREADY_REVIEWED"));
        }
    }

    @Nested
    class Expiring {
        final DocumentApproved approved = new DocumentApproved(id, "HEALTH_SHEET", "Fiche sanitaire", family, null,
                today, LocalDate.of(2027, 8, 31), null, false);

        @Test
        void expires_the_day_after_its_last_day_once() {
            fixture.given(submitted, approved).when(new ExpireDocument(id, LocalDate.of(2027, 8, 31)))
                    .expectNoEvents();
            fixture.given(submitted, approved).when(new ExpireDocument(id, LocalDate.of(2027, 9, 1)))
                    .expectEvents(new DocumentExpired(id, "HEALTH_SHEET", family, null, LocalDate.of(2027, 8, 31)));
            fixture.given(submitted, approved, new DocumentExpired(id, "HEALTH_SHEET", family, null,
                    LocalDate.of(2027, 8, 31))).when(new ExpireDocument(id, LocalDate.of(2027, 9, 2)))
                    .expectNoEvents();
        }

        @Test
        void a_document_valid_for_good_never_expires() {
            fixture.given(submitted, new DocumentApproved(id, "HEALTH_SHEET", "Fiche sanitaire", family, null, today,
                    null, null, false)).when(new ExpireDocument(id, LocalDate.of(2040, 1, 1))).expectNoEvents();
        }
    }

    @Nested
    class Kinds {
        AggregateTestFixture<DocumentKind> kinds;
        final DocumentKindDefined defined = new DocumentKindDefined("VACCINATIONS", "Carnet de vaccinations", null,
                DocumentScope.CHILD, Requirement.OPTIONAL, Validity.MONTHS, 12, true, 100);

        @BeforeEach
        void setUp() {
            kinds = new AggregateTestFixture<>(DocumentKind.class);
        }

        @Test
        void staff_define_a_kind_with_its_code_scope_and_validity() {
            kinds.givenNoPriorActivity().when(new DefineDocumentKind("VACCINATIONS", "Carnet de vaccinations", " ",
                    DocumentScope.CHILD, Requirement.OPTIONAL, Validity.MONTHS, 12, true, 100)).expectEvents(defined);
        }

        @Test
        void refuses_a_malformed_code_and_a_validity_in_months_without_months() {
            kinds.givenNoPriorActivity().when(new DefineDocumentKind("vaccins !", "Vaccins", null,
                    DocumentScope.CHILD, Requirement.OPTIONAL, Validity.UNLIMITED, null, true, 1))
                    .expectException(withCode("DOCUMENT_KIND_CODE_INVALID"));
            kinds.givenNoPriorActivity().when(new DefineDocumentKind("VACCINS", "Vaccins", null,
                    DocumentScope.CHILD, Requirement.OPTIONAL, Validity.MONTHS, null, true, 1))
                    .expectException(withCode("DOCUMENT_KIND_VALIDITY_INVALID"));
        }

        @Test
        void a_change_keeps_the_scope() {
            kinds.given(defined).when(new ChangeDocumentKind("VACCINATIONS", "Vaccinations", null,
                    Requirement.REQUIRED, Validity.SCHOOL_YEAR, null, true))
                    .expectEvents(new DocumentKindChanged("VACCINATIONS", "Vaccinations", null, DocumentScope.CHILD,
                            Requirement.REQUIRED, Validity.SCHOOL_YEAR, null, true));
        }

        @Test
        void a_blank_form_is_published_and_withdrawn() {
            kinds.given(defined).when(new PublishBlankForm("VACCINATIONS", file, "vaccins.pdf"))
                    .expectEvents(new BlankFormPublished("VACCINATIONS", file, "vaccins.pdf"));
            kinds.given(defined, new BlankFormPublished("VACCINATIONS", file, "vaccins.pdf"))
                    .when(new WithdrawBlankForm("VACCINATIONS")).expectEvents(new BlankFormWithdrawn("VACCINATIONS"));
            kinds.given(defined).when(new WithdrawBlankForm("VACCINATIONS")).expectNoEvents();
        }
    }
}
