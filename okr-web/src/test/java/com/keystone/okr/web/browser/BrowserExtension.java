package com.keystone.okr.web.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Browser tests in JUnit 5: before a class, Chromium must be installed (else the class fails,
 * saying what to install) and the product is running ({@link Keystone}, once per JVM); a test
 * asks for a fresh {@link Browser}, an {@link Api} client or the {@link Keystone} itself as
 * parameters. Each browser is closed after its test; when a test fails, the screen and the
 * HTML of each of its browsers, and the server log's tail, go to {@code target/browser-failures/}.
 */
final class BrowserExtension implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final Path FAILURES = Path.of("target", "browser-failures");

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.requireInstalled();
        Screenshots.takeAllOnce(Keystone.get());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        return type == Browser.class || type == Api.class || type == Keystone.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        Keystone app = Keystone.get();
        if (type == Keystone.class) {
            return app;
        }
        if (type == Api.class) {
            return new Api(app.base());
        }
        Browser b = Browser.open(app);
        browsers(context).add(b);
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<Browser> browsers(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent("browsers", k -> new ArrayList<Browser>(), List.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(FAILURES);
            int i = 0;
            for (Browser b : browsers(context)) {
                i++;
                try {
                    Files.write(FAILURES.resolve(name + "-" + i + ".png"), b.png());
                    Files.writeString(FAILURES.resolve(name + "-" + i + ".html"),
                            "<!-- " + b.driver().getCurrentUrl() + " -->\n" + b.html(), StandardCharsets.UTF_8);
                } catch (RuntimeException browserGone) {
                    // keep what we have
                }
            }
            Files.writeString(FAILURES.resolve(name + "-server.log"), Keystone.get().logTail(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // diagnostics only
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Browser> open = browsers(context);
        for (Browser b : open) {
            b.close();
        }
        open.clear();
    }
}
