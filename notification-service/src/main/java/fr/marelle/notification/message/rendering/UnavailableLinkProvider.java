package fr.marelle.notification.message.rendering;

/**
 * The link provider until accounts-service issues single-use links over HTTP: every message that needs a link
 * fails its attempts with this reason (and is retried, then failed, then requeued by staff once links are wired).
 */
class UnavailableLinkProvider implements LinkProvider {

    @Override
    public ResolvedLink linkFor(LinkRequest request) throws LinkUnavailableException {
        throw new LinkUnavailableException("Aucun fournisseur de liens à usage unique n'est configuré ("
                + request.kind() + ")");
    }
}
