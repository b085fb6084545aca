package io.clair.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clair.api.config.ClairConfigDocument;
import io.clair.core.plugin.Plugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clairctl check-config}: reads each file with its drop-ins, checks it, and prints the merged
 * configuration. A file with problems prints one line naming them all and makes the exit status 2.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Check Clair config files (with their FILE.d/ drop-ins) and print the merged configuration.")
final class CheckConfigCommand implements Callable<Integer> {
    /** How the merged configuration is printed. */
    enum Out { json, yaml }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParentCommand
    ClairCtl root;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Config files.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Out out;

    @Override
    public Integer call() throws IOException {
        boolean bad = false;
        List<String> installed = Plugins.load(CheckConfigCommand.class.getClassLoader()).updaterFactories(
                root.pluginContext(Path.of(System.getProperty("java.io.tmpdir")))).stream().map(f -> f.name())
                .toList();
        for (Path f : files) {
            ClairConfigDocument doc;
            try {
                doc = ClairConfigDocument.read(f);
            } catch (IOException e) {
                root.console().err().println("clairctl: " + Errors.describe(e));
                bad = true;
                continue;
            }
            List<String> problems = ConfigValidator.problems(doc.tree());
            if (!problems.isEmpty()) {
                root.console().err().println("clairctl: " + f + ": " + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems));
                bad = true;
                continue;
            }
            doc.updaterSets().ifPresent(sets -> sets.stream().filter(s -> !installed.contains(s)).forEach(s ->
                    root.note("warning: " + f + ": updater set \"" + s + "\" is not installed here (installed: "
                            + String.join(", ", installed) + ")")));
            ObjectNode merged = doc.tree();
            if (out == Out.json) {
                root.console().out().println(JSON.writeValueAsString(merged));
            } else {
                root.console().out().print(YAML.writeValueAsString(merged));
            }
        }
        root.console().out().flush();
        return bad ? ClairCtl.ERROR : ClairCtl.OK;
    }
}
