package fr.marelle.launcher;

import com.sun.security.auth.module.UnixSystem;

/** Who runs the launcher, for the one rule that depends on it: PostgreSQL's initdb refuses root. */
final class OperatingSystemUser {

    private OperatingSystemUser() {
    }

    static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (UnsatisfiedLinkError | RuntimeException notUnix) {
            return false;
        }
    }
}
