package fr.marelle.contracts;

import fr.marelle.contracts.accounts.FamilyRegistered;

import java.util.List;
import java.util.Optional;

/** Every published event type of Marelle. */
public final class Contracts {

    public static final List<ContractType<?>> ALL = List.of(
            FamilyRegistered.TYPE
    );

    private Contracts() {
    }

    public static Optional<ContractType<?>> byQualifiedName(String qualifiedName) {
        return ALL.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
