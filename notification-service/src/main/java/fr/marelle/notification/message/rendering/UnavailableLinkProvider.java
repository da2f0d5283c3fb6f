package fr.marelle.notification.message.rendering;

/**
 * The link provider when none can work (no key to call accounts-service with): every message that needs a link
 * fails its attempts with the reason given (and is retried, then failed, then requeued by staff once links are
 * configured).
 */
final class UnavailableLinkProvider implements LinkProvider {

    private final String reason;

    UnavailableLinkProvider(String reason) {
        this.reason = reason;
    }

    @Override
    public ResolvedLink linkFor(LinkRequest request) throws LinkUnavailableException {
        throw new LinkUnavailableException("Lien " + request.kind() + " indisponible : " + reason);
    }

    @Override
    public String toString() {
        return "UnavailableLinkProvider[" + reason + "]";
    }
}
