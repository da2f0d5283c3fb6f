package fr.marelle.children.file;

import fr.marelle.children.FakeClamd;
import fr.marelle.children.TestFiles;
import fr.marelle.platform.errors.DomainException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What may be kept of an upload, decided by its content. */
class UploadInspectorTest {

    static final long TEN_MB = 10L * 1024 * 1024;
    static FakeClamd clamd;
    final UploadInspector inspector = new UploadInspector(TEN_MB, VirusScanner.NONE, new ImageSanitizer());

    @BeforeAll
    static void startClamd() {
        clamd = FakeClamd.onFreePort();
    }

    @AfterAll
    static void stopClamd() {
        clamd.close();
    }

    static String codeOf(Runnable upload) {
        try {
            upload.run();
        } catch (DomainException e) {
            assertThat(e.violations()).as("the refusal names the file field").singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("file"));
            return e.code();
        }
        throw new AssertionError("the upload was accepted");
    }

    @Nested
    class ByContent {
        @Test
        void a_pdf_is_kept_as_sent_with_the_extension_of_its_type() {
            byte[] pdf = TestFiles.pdf("Fiche sanitaire");
            UploadInspector.Inspected kept = inspector.inspect("fiche sanitaire.PDF", pdf);
            assertThat(kept.mediaType()).isEqualTo("application/pdf");
            assertThat(kept.content()).isEqualTo(pdf);
            assertThat(kept.fileName()).isEqualTo("fiche sanitaire.pdf");
        }

        @Test
        void refuses_a_renamed_executable() {
            assertThat(codeOf(() -> inspector.inspect("photo.jpg", TestFiles.windowsExecutable())))
                    .isEqualTo("FILE_TYPE_NOT_ALLOWED");
            assertThat(codeOf(() -> inspector.inspect("attestation.pdf", TestFiles.windowsExecutable())))
                    .isEqualTo("FILE_TYPE_NOT_ALLOWED");
        }

        @Test
        void refuses_an_html_page_named_pdf() {
            assertThat(codeOf(() -> inspector.inspect("attestation.pdf", TestFiles.htmlNamedPdf())))
                    .isEqualTo("FILE_TYPE_NOT_ALLOWED");
        }

        @Test
        void refuses_an_svg_image() {
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(codeOf(() -> inspector.inspect("photo.svg", svg))).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        }

        @Test
        void refuses_a_truncated_pdf() {
            assertThat(codeOf(() -> inspector.inspect("assurance.pdf", TestFiles.truncatedPdf())))
                    .isEqualTo("FILE_DAMAGED");
        }

        @Test
        void refuses_a_pdf_header_on_garbage() {
            byte[] fake = ("%PDF-1.7\n" + "n'importe quoi".repeat(50) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            assertThat(codeOf(() -> inspector.inspect("faux.pdf", fake))).isEqualTo("FILE_DAMAGED");
        }

        @Test
        void refuses_a_truncated_png() {
            byte[] png = TestFiles.png(400, 300);
            assertThat(codeOf(() -> inspector.inspect("photo.png", java.util.Arrays.copyOf(png, png.length / 2))))
                    .isEqualTo("FILE_DAMAGED");
        }

        @Test
        void refuses_an_empty_file_and_one_over_the_limit() {
            assertThat(codeOf(() -> inspector.inspect("vide.pdf", new byte[0]))).isEqualTo("FILE_EMPTY");
            byte[] big = new byte[(int) TEN_MB + 1];
            System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
            assertThatThrownBy(() -> inspector.inspect("gros.pdf", big)).isInstanceOf(DomainException.class)
                    .hasMessage("Le fichier dépasse la taille maximale de 10 Mo.");
        }

        @Test
        void names_never_carry_a_path() {
            assertThat(UploadInspector.safeName("../../etc/passwd", "application/pdf")).isEqualTo("passwd.pdf");
            assertThat(UploadInspector.safeName("C:\\Users\\x\\<script>.png", "image/png")).isEqualTo("_script_.png");
            assertThat(UploadInspector.safeName("..", "image/jpeg")).isEqualTo("document.jpg");
        }
    }

    @Nested
    class Images {
        @Test
        void a_photo_loses_its_gps_position_and_stands_the_right_way_up() throws Exception {
            byte[] photo = TestFiles.jpegWithGps(400, 200, 6); // taken turned a quarter: seen 200 wide, 400 high
            assertThat(TestFiles.gpsOf(photo)).as("the test photo carries a position").isNotNull();
            assertThat(TestFiles.gpsOf(photo).getLatitudeAsDegreesNorth()).isBetween(48.33, 48.34);

            UploadInspector.Inspected kept = inspector.inspect("IMG_0042.JPG", photo);

            assertThat(kept.mediaType()).isEqualTo("image/jpeg");
            assertThat(TestFiles.gpsOf(kept.content())).as("GPS after re-encoding").isNull();
            assertThat(new String(kept.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
                    .doesNotContain("TestPhone");
            BufferedImage seen = TestFiles.read(kept.content());
            assertThat(seen.getWidth()).isEqualTo(200);
            assertThat(seen.getHeight()).isEqualTo(400);
        }

        @Test
        void a_png_is_re_encoded_as_png() {
            UploadInspector.Inspected kept = inspector.inspect("dessin.png", TestFiles.png(300, 300));
            assertThat(kept.mediaType()).isEqualTo("image/png");
            assertThat(TestFiles.read(kept.content()).getWidth()).isEqualTo(300);
        }

        @Test
        void a_large_picture_is_scaled_down() {
            UploadInspector.Inspected kept = inspector.inspect("scan.jpg", TestFiles.jpeg(6000, 1000));
            BufferedImage seen = TestFiles.read(kept.content());
            assertThat(seen.getWidth()).isEqualTo(ImageSanitizer.MAX_SIDE);
            assertThat(seen.getHeight()).isEqualTo(500);
        }
    }

    @Nested
    class VirusScanning {
        @Test
        void clean_files_pass_and_every_upload_is_scanned() {
            UploadInspector scanned = new UploadInspector(TEN_MB,
                    new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(5)), new ImageSanitizer());
            int before = clamd.scanned();
            scanned.inspect("fiche.pdf", TestFiles.pdf("Fiche sanitaire"));
            scanned.inspect("photo.jpg", TestFiles.jpeg(2000, 1500)); // more than one INSTREAM chunk
            assertThat(clamd.scanned()).isEqualTo(before + 2);
        }

        @Test
        void refuses_what_the_scanner_finds() {
            UploadInspector scanned = new UploadInspector(TEN_MB,
                    new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(5)), new ImageSanitizer());
            assertThatThrownBy(() -> scanned.inspect("eicar.pdf",
                    TestFiles.EICAR.getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("Eicar-Test-Signature")
                    .extracting(e -> ((DomainException) e).code()).isEqualTo("FILE_INFECTED");
        }

        @Test
        void refuses_everything_while_the_scanner_cannot_be_reached() {
            FakeClamd down = FakeClamd.onFreePort();
            UploadInspector scanned = new UploadInspector(TEN_MB,
                    new ClamdScanner("127.0.0.1", down.port(), Duration.ofSeconds(2)), new ImageSanitizer());
            down.stop();
            assertThat(codeOf(() -> scanned.inspect("fiche.pdf", TestFiles.pdf("Fiche"))))
                    .isEqualTo("VIRUS_SCANNER_UNAVAILABLE");
            down.start();
            assertThat(scanned.inspect("fiche.pdf", TestFiles.pdf("Fiche")).mediaType()).isEqualTo("application/pdf");
            down.close();
        }
    }
}
