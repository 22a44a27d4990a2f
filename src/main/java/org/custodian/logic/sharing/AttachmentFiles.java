package org.custodian.logic.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.workbench.SafeFileName;

/**
 * The attachments folder beside the workbench file: copies files in (hashing them on the way, written under a
 * temporary name, flushed to disk and then moved into place, so a crash never leaves a half-copied file under a
 * recorded name) and checks a copy against the hash recorded when it was attached.
 */
public final class AttachmentFiles {

    private final Path folder;

    public AttachmentFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** A file copied in: where it now lives (relative to the folder), its SHA-256 and size. */
    public record Copied(String storedName, String sha256, long size) {
    }

    /** Copies {@code source} in for the agreement; the caller records it, or deletes it when recording fails. */
    public Copied copyIn(UUID agreementId, UUID attachmentId, Path source) throws IOException {
        return copyIn(agreementId, attachmentId, source, source.getFileName().toString());
    }

    /**
     * Copies {@code source} in under ids the workbench made and {@code name} made safe: a name that came with an
     * imported file ({@code ../../x}, an absolute path, {@code CON}) never chooses where the copy goes.
     */
    public Copied copyIn(UUID ownerId, UUID fileId, Path source, String name) throws IOException {
        String storedName = ownerId + "/" + fileId + "-" + SafeFileName.of(name, "attachment");
        Path target = pathOf(storedName);
        // Signed agreements are as private as the workbench file: owner-only, like it.
        org.custodian.store.OwnerOnlyFiles.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
             FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                size += n;
            }
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        org.custodian.store.OwnerOnlyFiles.restrict(target);
        forceFolder(target.getParent());
        return new Copied(storedName, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Flushes a folder's entries to disk, so the moved-in name survives a crash (where the system allows it). */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some systems cannot open a folder for this; the rename itself is still atomic.
        }
    }

    /** Removes a copy whose record could not be written. */
    public void discard(String storedName) {
        try {
            Files.deleteIfExists(pathOf(storedName));
        } catch (IOException e) {
            // Left behind: an unrecorded file harms nothing, and the next attach uses a new name.
        }
    }

    public Path pathOf(Attachment a) {
        return pathOf(a.storedName());
    }

    /**
     * Where the copy stored as {@code storedName} is. A stored name that would lead out of the folder (a workbench
     * file edited by hand, or made elsewhere) is flattened into one name inside it, which holds nothing: the copy
     * shows as missing, and nothing outside the folder is read, opened or deleted through it.
     */
    public Path pathOf(String storedName) {
        Path base = folder.toAbsolutePath().normalize();
        Path path = base.resolve(storedName).normalize();
        return path.startsWith(base) && !path.equals(base) ? path : base.resolve(SafeFileName.of(storedName, "missing"));
    }

    /** Whether the kept copy still has the hash recorded when it was attached. */
    public AttachmentState check(Attachment a) throws IOException {
        return check(a.storedName(), a.sha256());
    }

    /** Whether the copy stored as {@code storedName} still has {@code sha256}. */
    public AttachmentState check(String storedName, String sha256) throws IOException {
        Path file = pathOf(storedName);
        if (!Files.isRegularFile(file)) {
            return AttachmentState.MISSING;
        }
        return sha256(file).equals(sha256) ? AttachmentState.INTACT : AttachmentState.CHANGED;
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

}
