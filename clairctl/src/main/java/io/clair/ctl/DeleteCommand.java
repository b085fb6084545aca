package io.clair.ctl;

import io.clair.api.client.ClairClient;
import io.clair.core.manifest.Digest;
import io.clair.ctl.scan.ServerCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code clairctl delete}: deletes index reports on the server ({@code DELETE index_report/{digest}}). */
@Command(name = "delete", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Delete the index reports of manifest digests on a Clair server; prints each digest deleted.")
final class DeleteCommand implements Callable<Integer> {
    @ParentCommand
    ClairCtl root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIGEST", arity = "1..*", description = "Manifest digests, e.g. sha256:<64 hex>.")
    List<String> digests = new ArrayList<>();

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws IOException {
        List<Digest> parsed = new ArrayList<>();
        for (String d : digests) {
            try {
                parsed.add(Digest.parse(d));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "\"" + d + "\" is not a manifest"
                        + " digest (sha256:<64 hex>): " + e.getMessage());
            }
        }
        ClairClient client = server.client(root);
        for (Digest d : parsed) {
            ServerCall.run(client.base(), () -> {
                client.deleteIndexReport(d.toString());
                return null;
            });
            root.console().out().println(d);
        }
        root.console().out().flush();
        return ClairCtl.OK;
    }
}
