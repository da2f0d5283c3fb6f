package fr.marelle.gateway.web.children;

import fr.marelle.gateway.web.forms.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An upload of the children's pages (the parents', and the console's on a family's behalf) that the multipart limits
 * refuse (a file over 10 MB, a request over its limit, a body that cannot be read) sends the user back to the page
 * of that upload with the message next to its file field, instead of the generic error page; nothing reached
 * children-service. The request is refused before any controller runs (the parts are read first), so this resolver
 * recognises the upload by its address, ahead of Spring's resolvers, and lets any other address go on to them
 * untouched.
 */
@Component
class ChildrenUploadLimits implements HandlerExceptionResolver, Ordered {

    private static final PathPatternParser PATHS = PathPatternParser.defaultInstance;
    private static final PathPattern CHILD_DOCUMENT = PATHS.parse("/vos-enfants/{childId}/documents/{kind}");
    private static final PathPattern FAMILY_DOCUMENT = PATHS.parse("/mes-documents/{kind}");
    private static final PathPattern CONSOLE_CHILD_DOCUMENT = PATHS.parse(
            "/admin/familles/{familyId}/enfants/{childId}/documents/{kind}");
    private static final PathPattern CONSOLE_FAMILY_DOCUMENT = PATHS.parse(
            "/admin/familles/{familyId}/documents/{kind}");
    private static final PathPattern BLANK_FORM = PATHS.parse(DocumentKindsConsoleController.BASE
            + "/{code}/formulaire");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final Texts texts;
    private final long maxMegabytes;

    ChildrenUploadLimits(Texts texts, MultipartProperties multipart) {
        this.texts = texts;
        this.maxMegabytes = multipart.getMaxFileSize().toMegabytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(exception instanceof MultipartException) || !"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        String page;
        String field;
        if (CHILD_DOCUMENT.matches(container) || CONSOLE_CHILD_DOCUMENT.matches(container)
                || CONSOLE_FAMILY_DOCUMENT.matches(container)) {
            // an upload page of its own (a parent's for a child; staff's for a child or the family): back to it
            PathPattern pattern = CHILD_DOCUMENT.matches(container) ? CHILD_DOCUMENT
                    : CONSOLE_CHILD_DOCUMENT.matches(container) ? CONSOLE_CHILD_DOCUMENT : CONSOLE_FAMILY_DOCUMENT;
            Map<String, String> variables = pattern.matchAndExtract(container).getUriVariables();
            if (!variables.entrySet().stream().allMatch(v -> v.getKey().equals("kind")
                    ? CODE.matcher(v.getValue()).matches() : ID.matcher(v.getValue()).matches())) {
                return null;
            }
            page = path;
            field = "file";
        } else if (FAMILY_DOCUMENT.matches(container)) {
            String kind = FAMILY_DOCUMENT.matchAndExtract(container).getUriVariables().get("kind");
            if (!CODE.matcher(kind).matches()) {
                return null;
            }
            page = "/mes-documents";
            field = "file-" + kind;
        } else if (BLANK_FORM.matches(container)) {
            String code = BLANK_FORM.matchAndExtract(container).getUriVariables().get("code");
            if (!CODE.matcher(code).matches()) {
                return null;
            }
            page = DocumentKindsConsoleController.BASE + "/" + code;
            field = "file";
        } else {
            return null;
        }
        String message = exception instanceof MaxUploadSizeExceededException
                ? texts.get("children.error.tooLarge", maxMegabytes)
                : texts.get("children.error.upload");
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("errors", Map.of(field, message));
        flash.put("focusField", field);
        return new ModelAndView("redirect:" + page);
    }
}
