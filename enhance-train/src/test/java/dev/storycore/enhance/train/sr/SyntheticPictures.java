package dev.storycore.enhance.train.sr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small PNG pictures with sharp edges, lines and text: detail that bicubic blurs and a network can restore. */
final class SyntheticPictures {
    private SyntheticPictures() {
    }

    static Path write(Path folder, int count, int size, long seed) throws IOException {
        Files.createDirectories(folder);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(0, 0, size, size);
            for (int k = 0; k < 25; k++) {
                g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                int x = r.nextInt(size);
                int y = r.nextInt(size);
                int w = 4 + r.nextInt(size / 3);
                int h = 4 + r.nextInt(size / 3);
                switch (k % 4) {
                    case 0 -> g.fillRect(x, y, w, h);
                    case 1 -> g.fillOval(x, y, w, h);
                    case 2 -> {
                        g.setStroke(new BasicStroke(1 + r.nextInt(3)));
                        g.drawLine(x, y, r.nextInt(size), r.nextInt(size));
                    }
                    default -> {
                        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10 + r.nextInt(14)));
                        g.drawString("StoryCore", x - size / 4, y);
                    }
                }
            }
            g.dispose();
            ImageIO.write(img, "png", folder.resolve(String.format("pic%02d.png", i)).toFile());
        }
        return folder;
    }
}
