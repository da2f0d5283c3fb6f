package fr.marelle.children;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Children, schools and classes, child and family documents. */
@SpringBootApplication
public class ChildrenApplication {

    public static void main(String[] args) {
        MarelleApplication.run(ChildrenApplication.class, args);
    }
}
