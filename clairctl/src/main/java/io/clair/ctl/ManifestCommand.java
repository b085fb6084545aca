package io.clair.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.image.DockerArchiveReference;
import io.clair.core.image.ImageReference;
import io.clair.core.image.ImageResolver;
import io.clair.core.image.ResolvedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code clairctl manifest}: the Clair manifest ({@code {hash, layers:[{hash, uri, headers, media_type}]}}) an
 * image resolves to, one JSON document per line, as {@code POST /indexer/api/v1/index_report} takes it. Layer
 * headers carry the registry's pull token, which expires.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Print the Clair manifest JSON of images (one document per line).")
final class ManifestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    ClairCtl root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "0..*",
            description = "registry/repo[:tag|@digest], oci:DIR[:tag] or docker-archive:FILE.")
    List<String> images = new ArrayList<>();

    @Option(names = "--image-ref", paramLabel = "IMAGE", description = "An image (repeatable).")
    List<String> imageRefs = new ArrayList<>();

    @Mixin
    ImageOptions imageOptions;

    @Override
    public Integer call() throws IOException {
        List<String> refs = new ArrayList<>(images);
        refs.addAll(imageRefs);
        if (refs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no image given: clairctl manifest IMAGE...");
        }
        List<ImageReference> parsed = refs.stream().map(ImageReference::parse).toList();
        Progress progress = root.progress();
        try (TempDir tmp = TempDir.create()) {
            ImageResolver resolver = imageOptions.resolver(root, tmp.path());
            for (int i = 0; i < refs.size(); i++) {
                progress.stage("resolving " + refs.get(i));
                try (ResolvedImage image = resolver.resolve(parsed.get(i))) {
                    progress.done();
                    root.console().out().println(JSON.writeValueAsString(V4Mapper.manifest(image.manifest())));
                }
                if (parsed.get(i) instanceof DockerArchiveReference) {
                    root.note("warning: " + refs.get(i) + ": the layers were extracted to a temporary directory"
                            + " that is gone now, so the manifest's file: URIs do not resolve; use report --local");
                }
            }
        } finally {
            progress.done();
        }
        root.console().out().flush();
        return ClairCtl.OK;
    }
}
