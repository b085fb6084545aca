package io.clair.core.image;

import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an image manifest's layer list into Clair layer descriptors, enforcing what Clair can scan: the config must
 * be an image config (not an OCI artifact such as a signature or Helm chart), every layer a tar changeset (plain,
 * gzip or zstd). Foreign (non-distributable) layers are rejected because the registry does not serve them and they
 * only occur in Windows images. {@code application/vnd.oci.empty.v1+json} layers are skipped: they hold no files,
 * and the OCI spec uses them as placeholders.
 */
final class ImageLayers {
    private static final Logger log = LoggerFactory.getLogger(ImageLayers.class);

    /** Says where one layer blob can be read and which headers reading it needs. */
    @FunctionalInterface
    interface Locator {
        LayerDescriptor locate(Descriptor layer) throws IOException;
    }

    private ImageLayers() {
    }

    /**
     * @param what names the image in errors, starting with the component ({@code "registry: quay.io/x:1"})
     */
    static List<LayerDescriptor> of(ImageDocument.Image image, String what, Locator locator) throws IOException {
        String configType = image.config().mediaType();
        if (configType != null && !MediaTypes.isImageConfig(configType)) {
            throw new IOException(what + " is not a container image: its config has media type \"" + configType
                    + "\"" + (image.artifactType() != null ? " (artifact type \"" + image.artifactType() + "\")" : ""));
        }
        List<LayerDescriptor> out = new ArrayList<>();
        int n = 0;
        for (Descriptor layer : image.layers()) {
            n++;
            String mt = layer.mediaType();
            if (MediaTypes.OCI_EMPTY.equals(mt)) {
                log.atDebug().addKeyValue("image", what).addKeyValue("layer", layer.digest())
                        .log("skipping empty placeholder layer");
                continue;
            }
            if (mt != null && MediaTypes.isForeignLayer(mt)) {
                throw new IOException(what + ": layer " + n + " (" + layer.digest() + ") is a foreign,"
                        + " non-distributable layer (" + mt + "), which registries do not serve and Clair cannot"
                        + " scan");
            }
            if (mt != null && !MediaTypes.isLayer(mt)) {
                throw new IOException(what + ": layer " + n + " (" + layer.digest() + ") has media type \"" + mt
                        + "\", which is not a filesystem layer (tar, tar+gzip or tar+zstd)");
            }
            out.add(locator.locate(layer));
        }
        return out;
    }
}
