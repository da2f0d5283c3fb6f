package fr.marelle.children.school;

import java.util.List;

/** Maternelle (petite, moyenne, grande section) or élémentaire (CP to CM2). */
public enum SchoolKind {
    MATERNELLE(List.of("TPS", "PS", "MS", "GS")),
    ELEMENTAIRE(List.of("CP", "CE1", "CE2", "CM1", "CM2"));

    private final List<String> levels;

    SchoolKind(List<String> levels) {
        this.levels = levels;
    }

    /** The class levels of this kind of school, youngest first. */
    public List<String> levels() {
        return levels;
    }
}
