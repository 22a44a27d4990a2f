package org.custodian.logic.io.sealed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The layout of a passphrase-sealed file, all from the JDK: a header (magic, version, PBKDF2-HMAC-SHA256 iteration
 * count, salt, nonce prefix, a key check), then the content in segments of at most 1 MiB, each sealed with
 * AES-256-GCM under its own nonce (prefix + segment number) and the header plus a last-segment flag as associated
 * data. So a wrong passphrase is told apart from damage (the key check fails first), a cut-off file is caught
 * (no segment flagged last), and segments cannot be reordered, swapped between files or dropped.
 */
final class SealedFormat {

    static final byte[] MAGIC = "CUSTODIAN-SEALED".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 100_000;
    static final int MAX_ITERATIONS = 10_000_000;
    static final int SALT_BYTES = 16;
    static final int PREFIX_BYTES = 8;
    static final int TAG_BITS = 128;
    static final int TAG_BYTES = TAG_BITS / 8;
    static final int SEGMENT = 1 << 20;
    static final int CHECK_BYTES = 16 + TAG_BYTES;
    /** magic, version, iterations, salt, prefix, key check. */
    static final int HEADER_BYTES = MAGIC.length + 1 + 4 + SALT_BYTES + PREFIX_BYTES + CHECK_BYTES;
    private static final int CHECK_COUNTER = -1;

    private SealedFormat() {
    }

    static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(raw, "AES");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    static byte[] nonce(byte[] prefix, int counter) {
        return ByteBuffer.allocate(PREFIX_BYTES + 4).put(prefix).putInt(counter).array();
    }

    static byte[] associated(byte[] headerWithoutCheck, boolean last) {
        byte[] aad = Arrays.copyOf(headerWithoutCheck, headerWithoutCheck.length + 1);
        aad[aad.length - 1] = (byte) (last ? 1 : 0);
        return aad;
    }

    static Cipher cipher(int mode, SecretKey key, byte[] prefix, int counter, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce(prefix, counter)));
            c.updateAAD(aad);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM", e);
        }
    }

    /** The key check: 16 zero bytes sealed under the key with a nonce no segment uses. */
    static byte[] keyCheck(SecretKey key, byte[] prefix, byte[] headerWithoutCheck) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, prefix, CHECK_COUNTER, headerWithoutCheck).doFinal(new byte[16]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean keyMatches(SecretKey key, byte[] prefix, byte[] headerWithoutCheck, byte[] check) {
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, prefix, CHECK_COUNTER, headerWithoutCheck).doFinal(check);
            return Arrays.equals(plain, new byte[16]);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
