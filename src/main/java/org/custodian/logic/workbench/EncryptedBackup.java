package org.custodian.logic.workbench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.sealed.SealedInputStream;
import org.custodian.logic.io.sealed.SealedOutputStream;
import org.custodian.model.workbench.BackupManifest;
import org.custodian.store.BackupManifests;

/**
 * A portable backup sealed with a passphrase: one file holding the manifest, the workbench copy and the signed
 * agreements and evidence files, zipped and then sealed (AES-256-GCM, key from PBKDF2; see
 * {@link SealedOutputStream}). Meant to leave the machine, so it carries the attachments the plain copies leave in
 * their folder.
 */
final class EncryptedBackup {

    static final String MANIFEST = "manifest.json";
    static final String WORKBENCH = "workbench.db";
    static final String ATTACHMENTS = "attachments/";
    private static final int MAX_ENTRIES = 1_000_000;

    /** What opening a sealed backup produced in the staging folder. */
    record Extracted(Path workbench, BackupManifest manifest, Path attachments) {
    }

    private EncryptedBackup() {
    }

    /** Whether {@code file} starts like a sealed backup (looks at its first bytes only). */
    static boolean isSealed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SealedInputStream.looksSealed(in.readNBytes(32));
        } catch (IOException e) {
            return false;
        }
    }

    /** Seals {@code copy} (a verified workbench copy described by {@code manifest}) and the attachments into out. */
    static void write(Path copy, BackupManifest manifest, Path attachments, Path out, char[] passphrase,
                      WorkProgress progress) throws IOException {
        List<Path> files = attachmentFiles(attachments);
        long total = Files.size(copy) + files.stream().mapToLong(EncryptedBackup::sizeOf).sum();
        long[] done = {0};
        AtomicOutput.write(out, target -> {
            try (ZipOutputStream zip = new ZipOutputStream(new SealedOutputStream(target, passphrase))) {
                // Database pages compress well even at the fastest level; the slower levels cost far more time
                // than they save space.
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(BackupManifests.toJson(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(WORKBENCH));
                copyIn(copy, zip, progress, done, total);
                zip.closeEntry();
                for (Path f : files) {
                    String name = ATTACHMENTS + attachments.relativize(f).toString().replace('\\', '/');
                    zip.putNextEntry(new ZipEntry(name));
                    copyIn(f, zip, progress, done, total);
                    zip.closeEntry();
                }
            }
        });
    }

    private static void copyIn(Path file, OutputStream zip, WorkProgress progress, long[] done, long total)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                zip.write(buffer, 0, n);
                done[0] += n;
                progress.update(done[0], total);
                if (progress.isCancelled()) {
                    throw new org.custodian.logic.io.CancelledException();
                }
            }
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> attachmentFiles(Path folder) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".partial"))
                    .sorted().toList();
        }
    }

    /**
     * Opens a sealed backup into {@code staging} (an empty, owner-only folder): the workbench copy, checked against
     * the SHA-256 its manifest gives, and the attachments. Refuses names that would leave the folder.
     */
    static Extracted extract(Path sealed, char[] passphrase, Path staging) throws IOException {
        BackupManifest manifest = null;
        Path workbench = staging.resolve(WORKBENCH);
        Path attachments = staging.resolve("attachments");
        String actualSha = null;
        int entries = 0;
        try (SealedInputStream plain = new SealedInputStream(
                new BufferedInputStream(Files.newInputStream(sealed), 1 << 16), passphrase);
             ZipInputStream zip = new ZipInputStream(plain)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("it holds more than " + MAX_ENTRIES + " files");
                }
                String name = entry.getName();
                if (name.equals(MANIFEST)) {
                    manifest = BackupManifests.fromJson(zip.readNBytes(64 * 1024), sealed + " (" + MANIFEST + ")");
                } else if (name.equals(WORKBENCH)) {
                    actualSha = copyOut(zip, workbench);
                } else if (name.startsWith(ATTACHMENTS) && !entry.isDirectory()) {
                    Path target = attachments.resolve(name.substring(ATTACHMENTS.length())).normalize();
                    if (!target.startsWith(attachments) || name.contains("..") || name.contains("\\")) {
                        throw new IOException("it holds a file named " + name + ", which would be written outside"
                                + " its folder");
                    }
                    Files.createDirectories(target.getParent());
                    copyOut(zip, target);
                } else if (!entry.isDirectory()) {
                    throw new IOException("it holds an unexpected file " + name);
                }
            }
            readToTheEnd(plain);
        } catch (java.util.zip.ZipException e) {
            throw new IOException("its content is not a Custodian backup (" + e.getMessage() + ")", e);
        }
        if (manifest == null || actualSha == null) {
            throw new IOException("it has no " + (manifest == null ? MANIFEST : WORKBENCH));
        }
        if (!actualSha.equals(manifest.sha256())) {
            throw new IOException("its workbench copy does not match its manifest (SHA-256 differs)");
        }
        return new Extracted(workbench, manifest, attachments);
    }

    /**
     * The zip reader stops at its central directory; reading the sealed stream on to its end opens the last part
     * too, so a missing or altered last part is caught, not ignored.
     */
    private static void readToTheEnd(SealedInputStream plain) throws IOException {
        plain.transferTo(OutputStream.nullOutputStream());
    }

    private static String copyOut(InputStream zip, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            zip.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads the whole sealed file back, checking every part and the workbench copy's SHA-256; returns its manifest. */
    static BackupManifest check(Path sealed, char[] passphrase) throws IOException {
        BackupManifest manifest = null;
        String actualSha = null;
        try (SealedInputStream plain = new SealedInputStream(
                new BufferedInputStream(Files.newInputStream(sealed), 1 << 16), passphrase);
             ZipInputStream zip = new ZipInputStream(plain)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest = BackupManifests.fromJson(zip.readNBytes(64 * 1024), sealed.toString());
                } else if (entry.getName().equals(WORKBENCH)) {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    zip.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                    actualSha = HexFormat.of().formatHex(digest.digest());
                } else {
                    zip.transferTo(OutputStream.nullOutputStream());
                }
            }
            readToTheEnd(plain);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (manifest == null || actualSha == null || !actualSha.equals(manifest.sha256())) {
            throw new IOException("the encrypted backup " + sealed + " did not read back as written");
        }
        return manifest;
    }
}
