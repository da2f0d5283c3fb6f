package fr.marelle.gateway.web.town;

import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A logo as the town uploads it: PNG or JPEG recognised by its content (never its name), at most 512 KB and
 * 1200 × 600 pixels, re-encoded as PNG so that nothing but the pixels is kept (no metadata, no script).
 */
@Component
class LogoImages {

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_WIDTH = 1200;
    static final int MAX_HEIGHT = 600;

    /** The logo to keep, or the message key (and its arguments) of why it is refused. */
    record Checked(TownIdentity.Logo logo, String error, Object... arguments) {
    }

    Checked check(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return new Checked(null, "town.error.logoTooBig", MAX_BYTES / 1024);
        }
        if (!isPng(bytes) && !isJpeg(bytes)) {
            return new Checked(null, "town.error.logoType");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            return new Checked(null, "town.error.logoUnreadable");
        }
        if (image.getWidth() > MAX_WIDTH || image.getHeight() > MAX_HEIGHT) {
            return new Checked(null, "town.error.logoDimensions", MAX_WIDTH, MAX_HEIGHT);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checked(new TownIdentity.Logo(png.toByteArray(), "image/png", 0), null);
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }
}
