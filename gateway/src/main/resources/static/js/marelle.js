/*
 * Marelle's only script, loaded from this server (the content security policy allows no inline script). Every page
 * works without it; it only helps:
 *  - the error summary of a form sent back with errors takes the focus, so that it is read first;
 *  - a long form shows "don't forget to save" in its live region as soon as something changes.
 */
(function () {
    'use strict';

    function focusOnLoad() {
        var target = document.querySelector('[data-focus-on-load]');
        if (target && !document.querySelector('[autofocus]')) {
            target.focus();
        }
    }

    function unsavedNotices() {
        var forms = document.querySelectorAll('form[data-unsaved-notice]');
        Array.prototype.forEach.call(forms, function (form) {
            var notice = document.getElementById(form.getAttribute('data-unsaved-notice'));
            if (!notice) {
                return;
            }
            var shown = notice.textContent.trim() !== '';
            function show() {
                if (!shown) {
                    shown = true;
                    notice.textContent = notice.getAttribute('data-message');
                }
            }
            form.addEventListener('input', show);
            form.addEventListener('change', show);
        });
    }

    function start() {
        focusOnLoad();
        unsavedNotices();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
