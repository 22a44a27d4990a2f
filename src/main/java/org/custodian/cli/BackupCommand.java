package org.custodian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.BackupManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes an online backup of the workbench to OUT and checks the copy's integrity.",
                "A plain backup is an SQLite file with its manifest beside it (OUT.json). With --encrypt, OUT is one",
                "file sealed with a passphrase (AES-256-GCM, key from PBKDF2) holding the workbench, its manifest and",
                "its attachments; it is read back in full before the command reports success.",
                "Works while the window has the file open."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    CustodianCommand root;

    @Parameters(paramLabel = "OUT", description = "The backup file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace OUT if it exists.")
    boolean overwrite;

    @Option(names = "--encrypt", description = "Seal the backup with a passphrase (asked twice, or --passphrase-file).")
    boolean encrypt;

    @Mixin
    PassphraseInput passphrase;

    @Override
    public Integer call() throws Exception {
        if (passphrase.passphraseFile != null && !encrypt) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--passphrase-file is for --encrypt; a plain backup has no passphrase.");
        }
        try (WorkbenchSession session = root.open(Access.READ_ONLY, false)) {
            if (encrypt) {
                char[] secret = passphrase.read(true);
                BackupManifest manifest = session.backups().backupEncrypted(out, overwrite, secret, WorkProgress.NONE);
                root.context().out().println(out.toAbsolutePath());
                root.context().err().println("Encrypted backup written and read back: " + out.toAbsolutePath()
                        + " (" + BackupLines.summary(manifest) + ")");
                return ExitCode.OK;
            }
            Path written = session.backups().backupTo(out, overwrite);
            root.context().out().println(written);
            root.context().err().println("Backup written and verified: " + written
                    + org.custodian.logic.workbench.Backups.manifestOf(written)
                            .map(m -> " (" + BackupLines.summary(m) + ")").orElse(""));
            return ExitCode.OK;
        }
    }
}
