package org.recworkbench.ui.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.recworkbench.api.RecWorkbenchException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A local p2 repository (the project's {@code features/org.recworkbench.repository/target/repository}, or any
 * simple p2 repository on disk) read for its bundles: their ids, versions and checksums, from
 * {@code artifacts.jar} (or {@code artifacts.xml}). Bundles are installed or updated straight into the running
 * framework from {@code plugins/<id>_<version>.jar}, after their SHA-256 matches the repository's record; the
 * full p2 provisioning engine is not part of the product.
 */
public final class P2Repository {

    /** One bundle artifact of the repository. */
    public record Artifact(String id, Version version, Path jar, String sha256) {
    }

    /** An artifact next to what the running framework has of it. */
    public enum Status {
        NOT_INSTALLED, UPDATE_AVAILABLE, INSTALLED
    }

    private final Path root;
    private final List<Artifact> bundles;

    private P2Repository(Path root, List<Artifact> bundles) {
        this.root = root;
        this.bundles = List.copyOf(bundles);
    }

    /**
     * Reads a repository folder.
     *
     * @throws RecWorkbenchException naming the folder and what is missing or malformed
     */
    public static P2Repository open(Path root) {
        Path jar = root.resolve("artifacts.jar");
        Path xml = root.resolve("artifacts.xml");
        try {
            if (Files.isRegularFile(jar)) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    ZipEntry entry = zip.getEntry("artifacts.xml");
                    if (entry == null) {
                        throw new RecWorkbenchException(jar + ": no artifacts.xml inside; expected a p2 artifact "
                                + "repository");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        return new P2Repository(root, parse(root, in, jar.toString()));
                    }
                }
            }
            if (Files.isRegularFile(xml)) {
                try (InputStream in = Files.newInputStream(xml)) {
                    return new P2Repository(root, parse(root, in, xml.toString()));
                }
            }
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot read the p2 repository " + root + ": " + e.getMessage(), e);
        }
        throw new RecWorkbenchException(root + " is not a p2 repository: it has neither artifacts.jar nor "
                + "artifacts.xml (build one with ./mvnw verify: features/org.recworkbench.repository/target/"
                + "repository)");
    }

    private static List<Artifact> parse(Path root, InputStream in, String origin) {
        List<Artifact> out = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList artifacts = factory.newDocumentBuilder().parse(in).getElementsByTagName("artifact");
            for (int i = 0; i < artifacts.getLength(); i++) {
                Element a = (Element) artifacts.item(i);
                if (!"osgi.bundle".equals(a.getAttribute("classifier"))) {
                    continue;
                }
                String id = a.getAttribute("id");
                Version version = Version.parseVersion(a.getAttribute("version"));
                String sha = null;
                NodeList properties = a.getElementsByTagName("property");
                for (int p = 0; p < properties.getLength(); p++) {
                    Element property = (Element) properties.item(p);
                    if ("download.checksum.sha-256".equals(property.getAttribute("name"))) {
                        sha = property.getAttribute("value");
                    }
                }
                out.add(new Artifact(id, version, root.resolve("plugins").resolve(id + "_" + a.getAttribute(
                        "version") + ".jar"), sha));
            }
        } catch (Exception e) {
            throw new RecWorkbenchException(origin + ": not a readable p2 artifacts file: " + e.getMessage(), e);
        }
        return out;
    }

    public Path root() {
        return root;
    }

    /** The repository's bundles, newest version of each id only, sorted by id. */
    public List<Artifact> bundles() {
        java.util.Map<String, Artifact> newest = new java.util.TreeMap<>();
        for (Artifact a : bundles) {
            newest.merge(a.id(), a, (x, y) -> x.version().compareTo(y.version()) >= 0 ? x : y);
        }
        return List.copyOf(newest.values());
    }

    /** What the framework has of an artifact: nothing, an older version, or this version or newer. */
    public static Status status(Artifact artifact, BundleContext context) {
        Bundle installed = installed(artifact.id(), context);
        if (installed == null) {
            return Status.NOT_INSTALLED;
        }
        return installed.getVersion().compareTo(artifact.version()) < 0 ? Status.UPDATE_AVAILABLE : Status.INSTALLED;
    }

    /** Installs and starts an artifact that is not installed yet. */
    public static Bundle install(Artifact artifact, BundleContext context) throws BundleException {
        try (InputStream in = verified(artifact)) {
            Bundle b = context.installBundle("p2:" + artifact.id() + "_" + artifact.version(), in);
            if (b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
            return b;
        } catch (IOException e) {
            throw new BundleException("cannot read " + artifact.jar() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the installed bundle of the artifact's id by the repository's version (services re-register). */
    public static Bundle update(Artifact artifact, BundleContext context) throws BundleException {
        Bundle installed = installed(artifact.id(), context);
        if (installed == null) {
            return install(artifact, context);
        }
        try (InputStream in = verified(artifact)) {
            installed.update(in);
            return installed;
        } catch (IOException e) {
            throw new BundleException("cannot read " + artifact.jar() + ": " + e.getMessage(), e);
        }
    }

    /** The jar's bytes, refused when they do not match the repository's SHA-256 (a damaged or replaced file). */
    static InputStream verified(Artifact artifact) throws IOException {
        byte[] bytes = Files.readAllBytes(artifact.jar());
        if (artifact.sha256() != null) {
            try {
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                if (!actual.equalsIgnoreCase(artifact.sha256())) {
                    throw new IOException("its SHA-256 is " + actual + ", the repository records "
                            + artifact.sha256() + "; the file is damaged or was replaced");
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
        return new java.io.ByteArrayInputStream(bytes);
    }

    private static Bundle installed(String id, BundleContext context) {
        Bundle found = null;
        for (Bundle b : context.getBundles()) {
            if (id.equals(b.getSymbolicName()) && (found == null || b.getVersion().compareTo(found.getVersion()) > 0)) {
                found = b;
            }
        }
        return found;
    }
}
