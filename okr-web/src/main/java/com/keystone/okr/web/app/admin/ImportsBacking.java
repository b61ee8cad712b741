package com.keystone.okr.web.app.admin;

import com.keystone.okr.web.importing.ImportOutcome;
import com.keystone.okr.web.importing.ImportService;
import com.keystone.okr.web.importing.KeptUploads;
import com.keystone.okr.web.imports.CsvImporter;
import com.keystone.okr.web.imports.ImportKind;
import com.keystone.okr.web.imports.ImportLine;
import com.keystone.okr.web.imports.ImportTemplates;
import com.keystone.okr.web.imports.ImportText;
import com.keystone.okr.web.imports.RowError;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The imports page (admins): upload a CSV file of any kind the API imports, see what it would
 * do (the import run and rolled back, {@link ImportService#preview}), apply it (run again and
 * committed only when it does what the preview said, {@link ImportService#apply}), or download a
 * template per kind. The same service, limits and messages as {@code POST /api/v1/import/{kind}}.
 *
 * <p>The view keeps the paths of the uploaded file and of its preview, not their contents
 * ({@link KeptUploads}): a replicated view stays small; the preview is read back when the view
 * comes back to this instance without it in memory.
 */
@Named
@ViewScoped
public class ImportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the browser may call a CSV file besides text/csv (Excel on Windows says vnd.ms-excel). */
    private static final List<String> CSV_TYPES = List.of("text/csv", "application/csv", "text/comma-separated-values",
            "application/vnd.ms-excel");

    @Inject
    ImportService imports;
    @Inject
    CurrentUser user;

    private boolean allowed;
    private ImportKind kind = ImportKind.OKRS;
    private transient Part file;

    private ImportKind previewed;
    private String fileName;
    private String upload;
    private String saved;
    private String show = "ALL";
    private transient ImportOutcome outcome;

    @PostConstruct
    void load() {
        allowed = user.isAdmin();
    }

    /** Reads the uploaded file and previews it: nothing is stored. */
    public void preview() {
        if (!allowed) {
            return;
        }
        discard();
        if (file == null || file.getSize() == 0 && (file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank())) {
            error("imports:file", label("imports.chooseFile"));
            return;
        }
        String name = file.getSubmittedFileName() == null ? "" : file.getSubmittedFileName();
        if (!isCsv(name, file.getContentType())) {
            error("imports:file", ImportText.text("notCsv", name).render(locale()));
            return;
        }
        byte[] bytes = readAtMost(file);
        if (bytes == null) {
            error("imports:file", ImportText.text("tooLarge", CsvImporter.MAX_BYTES / (1024 * 1024))
                    .render(locale()));
            return;
        }
        ImportOutcome o = Messages.attempt(() -> imports.preview(kind, bytes), Map.of());
        if (o == null) {
            return;
        }
        previewed = kind;
        fileName = name;
        upload = o.refused() ? null : KeptUploads.keep(bytes); // a refused file is never applied: nothing to keep
        keep(o);
    }

    /** Imports the previewed file, all or nothing, if it still does what the preview showed. */
    public void apply() {
        if (!allowed || previewed == null || getOutcome() == null || outcome.refused() || outcome.applied()) {
            return;
        }
        byte[] bytes = KeptUploads.read(upload);
        if (bytes == null) {
            error(null, label("imports.gone"));
            discard();
            return;
        }
        String fingerprint = outcome.fingerprint();
        ImportOutcome o = Messages.attempt(() -> imports.apply(previewed, bytes, fingerprint), Map.of());
        if (o == null) {
            return;
        }
        KeptUploads.delete(saved);
        keep(o);
        if (o.applied()) {
            KeptUploads.delete(upload);
            upload = null;
            Messages.info(format("imports.applied", o.result().created(), o.result().updated(), o.result().unchanged()));
        } else if (o.refused()) {
            KeptUploads.delete(upload);
            upload = null;
            warn(label("imports.changedRefused"));
        } else {
            warn(label("imports.changed"));
        }
    }

    /** Forgets the file and its preview. */
    @PreDestroy
    public void discard() {
        KeptUploads.delete(upload);
        KeptUploads.delete(saved);
        upload = null;
        saved = null;
        previewed = null;
        fileName = null;
        outcome = null;
        show = "ALL";
    }

    /** Sends the template of a kind: its header row and an example row. */
    public void template(String kindName) throws IOException {
        ImportKind k = ImportKind.fromPath(kindName).orElse(null);
        if (!allowed || k == null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        byte[] csv = ImportTemplates.of(k).getBytes(StandardCharsets.UTF_8);
        ext.responseReset();
        ext.setResponseContentType("text/csv; charset=UTF-8");
        ext.setResponseContentLength(csv.length);
        ext.setResponseHeader("Content-Disposition", "attachment; filename=\"" + ImportTemplates.fileName(k) + "\"");
        try (OutputStream out = ext.getResponseOutputStream()) {
            out.write(csv);
        }
        faces.responseComplete();
    }

    private void keep(ImportOutcome o) {
        outcome = o;
        saved = KeptUploads.keep(o);
    }

    static boolean isCsv(String name, String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/csv") || name.toLowerCase(Locale.ROOT).endsWith(".csv") && (type.isEmpty()
                || CSV_TYPES.contains(type) || type.equals("text/plain") || type.equals("application/octet-stream"));
    }

    /** The file's bytes, or null when it is larger than the imports take. */
    private static byte[] readAtMost(Part part) {
        if (part.getSize() > CsvImporter.MAX_BYTES) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > CsvImporter.MAX_BYTES) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the uploaded file", e);
        }
    }

    // ---- what the page shows ------------------------------------------------------------

    /** The preview (or the applied import) shown, read back from its file when this view lost it; null when none. */
    public ImportOutcome getOutcome() {
        if (outcome == null && saved != null) {
            outcome = KeptUploads.readOutcome(saved);
            if (outcome == null) { // kept on another instance, or a restart: the page asks for the file again
                saved = null;
                upload = null;
                previewed = null;
            }
        }
        return outcome;
    }

    public boolean isShown() {
        return getOutcome() != null;
    }

    public List<RowError> getErrors() {
        return isShown() ? outcome.errors() : List.of();
    }

    /** The lines of the preview, all or those of one change ({@link #getShow()}). */
    public List<ImportLine> getLines() {
        if (!isShown()) {
            return List.of();
        }
        return "ALL".equals(show) ? outcome.lines()
                : outcome.lines().stream().filter(l -> l.change().name().equals(show)).toList();
    }

    /** A problem's message in the page's language. */
    public String message(RowError e) {
        return Messages.sentence(e.message(locale()));
    }

    public boolean isCanApply() {
        return isShown() && !outcome.refused() && !outcome.applied() && upload != null;
    }

    public List<ImportKind> getKinds() {
        return List.of(ImportKind.values());
    }

    public List<String> getChanges() {
        return Stream.concat(Stream.of("ALL"), Stream.of(ImportLine.Change.values()).map(Enum::name)).toList();
    }

    public String getSummary() {
        if (!isShown()) {
            return null;
        }
        if (outcome.refused()) {
            return format("imports.refused", outcome.errors().size(), fileName);
        }
        return format(outcome.applied() ? "imports.summary.applied" : "imports.summary.preview", fileName,
                outcome.result().created(), outcome.result().updated(), outcome.result().unchanged());
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String getKind() {
        return kind.pathName();
    }

    public void setKind(String kind) {
        this.kind = ImportKind.fromPath(kind).orElse(ImportKind.OKRS);
    }

    public String getPreviewedKind() {
        return previewed == null ? null : previewed.pathName();
    }

    public String getFileName() {
        return fileName;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show == null ? "ALL" : show;
    }

    public String columns(String kindName) {
        return ImportKind.fromPath(kindName).map(k -> String.join(", ", k.columns())).orElse("");
    }

    public String requiredColumns(String kindName) {
        return ImportKind.fromPath(kindName).map(k -> String.join(", ", k.requiredColumns())).orElse("");
    }

    // ---- texts ----------------------------------------------------------------------------

    private static Locale locale() {
        return Messages.locale(FacesContext.getCurrentInstance());
    }

    private static String label(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "imp").getString(key);
    }

    private static String format(String key, Object... args) {
        return new MessageFormat(label(key), locale()).format(args);
    }

    private static void error(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    private static void warn(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
    }
}
