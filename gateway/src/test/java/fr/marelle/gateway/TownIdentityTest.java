package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** The town's identity: set by administrators, versioned, shown on every page; bad input refused field by field. */
class TownIdentityTest extends GatewayTestSupport {

    MockMultipartHttpServletRequestBuilder form(Cookie session, String name, String primary, String dark) {
        return form(session, name, "mairie@vincey.test", primary, dark);
    }

    MockMultipartHttpServletRequestBuilder form(Cookie session, String name, String email, String primary,
                                                String dark) {
        MockMultipartHttpServletRequestBuilder request = multipart("/admin/configuration/commune");
        request.cookie(session).with(csrf())
                .param("name", name).param("contactEmail", email)
                .param("primaryColour", primary).param("darkColour", dark)
                .param("legalNotice", "Éditeur : commune de Vincey.\n\nHébergeur : un prestataire en France.")
                .param("privacyNotice", "");
        return request;
    }

    @AfterEach
    void restoreTheTown() throws Exception {
        mvc.perform(form(loginStaff("ADMIN"), "Ville de Vincey", "#1f5f8b", "#143f5c").param("removeLogo", "true"));
    }

    @Test
    void an_administrator_sets_the_name_colours_and_legal_texts_every_page_shows_them() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        mvc.perform(form(admin, "Commune de Vincey-sur-Moselle", "#7a1f5c", "#4d1339"));

        assertThat(page(get("/connexion")).select(".site-header__town").text()).isEqualTo("Commune de Vincey-sur-Moselle");
        MockHttpServletResponse theme = mvc.perform(get("/commune/theme.css")).andReturn().getResponse();
        assertThat(theme.getContentType()).startsWith("text/css");
        assertThat(theme.getContentAsString()).contains("--town-primary: #7a1f5c;", "--town-primary-dark: #4d1339;");
        Document legal = page(get("/mentions-legales"));
        assertThat(legal.select("main p").eachText()).containsExactly("Éditeur : commune de Vincey.",
                "Hébergeur : un prestataire en France.");
        assertThat(page(get("/donnees-personnelles")).select("main p").text())
                .isEqualTo("Commune de Vincey-sur-Moselle n'a pas encore publié ce texte. Pour toute question : "
                        + "mairie@vincey.test.");
        assertThat(legal.select("footer a[href=/mentions-legales]")).hasSize(1);

        Document page = page("/admin/configuration/commune", admin);
        assertThat(page.select("#versions tbody tr").first().select("td").eachText())
                .contains("Camille Martin", "Commune de Vincey-sur-Moselle", "#7a1f5c");
        assertThat(mvc.perform(get("/admin/configuration/commune").cookie(loginStaff("AGENT"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void colours_white_text_is_unreadable_on_and_missing_fields_are_refused_next_to_the_field() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        Document refused = page(form(admin, " ", "pas-une-adresse", "#ffd700", "vert"));
        assertThat(errorOf(refused, "name")).isEqualTo("Indiquez le nom de la commune.");
        assertThat(errorOf(refused, "contactEmail")).isEqualTo("L'adresse e-mail n'est pas valide.");
        assertThat(errorOf(refused, "primaryColour")).startsWith("Le texte blanc serait trop peu lisible sur cette "
                + "couleur (contraste de 1,4 pour 1");
        assertThat(errorOf(refused, "darkColour")).isEqualTo("Indiquez la couleur au format #RRVVBB, par exemple "
                + "#1f5f8b.");
        assertThat(mvc.perform(get("/commune/theme.css")).andReturn().getResponse().getContentAsString())
                .as("nothing saved").contains("#1f5f8b");
    }

    @Test
    void a_logo_is_an_image_by_its_content_and_is_kept_without_its_metadata() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        Document notAnImage = page(form(admin, "Ville de Vincey", "#1f5f8b", "#143f5c").file(new MockMultipartFile(
                "logo", "logo.png", "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
        assertThat(errorOf(notAnImage, "logo")).isEqualTo("Le logo doit être une image PNG ou JPEG.");
        Document tooWide = page(form(admin, "Ville de Vincey", "#1f5f8b", "#143f5c").file(new MockMultipartFile(
                "logo", "logo.png", "image/png", png(1500, 100, null))));
        assertThat(errorOf(tooWide, "logo")).isEqualTo("Le logo dépasse 1200 × 600 pixels.");
        assertThat(mvc.perform(get("/commune/logo")).andReturn().getResponse().getStatus()).isEqualTo(404);

        byte[] withComment = png(200, 80, "Auteur : agence secrète");
        assertThat(new String(withComment, StandardCharsets.ISO_8859_1)).contains("agence secr");
        mvc.perform(form(admin, "Ville de Vincey", "#1f5f8b", "#143f5c").file(new MockMultipartFile("logo",
                "logo.png", "image/png", withComment)));
        MockHttpServletResponse logo = mvc.perform(get("/commune/logo")).andReturn().getResponse();
        assertThat(logo.getContentType()).isEqualTo("image/png");
        assertThat(logo.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(new String(logo.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("agence");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(logo.getContentAsByteArray()));
        assertThat(served.getWidth()).isEqualTo(200);
        assertThat(page(get("/connexion")).select("img.site-header__logo").attr("alt")).as("decorative").isEmpty();
    }

    /** A PNG of the given size, with a text chunk when {@code comment} is given. */
    static byte[] png(int width, int height, String comment) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        if (comment != null) {
            IIOMetadataNode text = new IIOMetadataNode("tEXtEntry");
            text.setAttribute("keyword", "Comment");
            text.setAttribute("value", comment);
            IIOMetadataNode texts = new IIOMetadataNode("tEXt");
            texts.appendChild(text);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(texts);
            metadata.mergeTree("javax_imageio_png_1.0", root);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        }
        writer.dispose();
        return out.toByteArray();
    }
}
