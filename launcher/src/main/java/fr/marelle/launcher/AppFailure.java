package fr.marelle.launcher;

/** An app died or did not become healthy in time: the launcher names it, shows its log and stops everything. */
final class AppFailure extends Exception {

    private final transient AppProcess app;

    AppFailure(AppProcess app, String reason) {
        super(reason);
        this.app = app;
    }

    AppProcess app() {
        return app;
    }
}
