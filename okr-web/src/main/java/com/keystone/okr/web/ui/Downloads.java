package com.keystone.okr.web.ui;

import com.keystone.okr.web.report.TableFiles.Export;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A file (a review's or the people view's export) sent as the answer to a page's non-Ajax post. */
public final class Downloads {

    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());

    private Downloads() {
    }

    /**
     * Makes the file and sends it; a refusal stays on the page as a message, and so does a writer
     * that cannot run here (e.g. no usable PDF library).
     */
    public static void send(String what, Supplier<Export> make) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Export file;
        try {
            file = Messages.attempt(make, Map.of());
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, what + " export failed", e);
            String failed = faces.getApplication().getResourceBundle(faces, "rev").getString("review.export.failed");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, MessageFormat.format(failed, e.getMessage()), ""));
            return;
        }
        if (file == null) {
            return;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.responseReset();
        ext.setResponseContentType(file.contentType());
        ext.setResponseContentLength(file.content().length);
        ext.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        ext.setResponseHeader("Cache-Control", "no-store");
        try (OutputStream out = ext.getResponseOutputStream()) {
            out.write(file.content());
        }
        faces.responseComplete();
    }
}
