package org.custodian.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.Backups;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.BackupEntry;
import org.custodian.model.workbench.BackupManifest;
import org.custodian.model.workbench.BackupRotation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "The backups kept in the backups folder beside the workbench file.",
        subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.Rotation.class})
final class BackupsCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: list or rotation.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the backups, newest first, with what each manifest says: when and why it was taken,",
                    "the schema, the records it holds and its audit head. Does not open the workbench."})
    static final class ListBackups implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("file", "taken_at", "kind", "schema", "datasets", "agreements",
                "assessments", "audit_events", "audit_head", "bytes");

        @ParentCommand
        BackupsCommand backups;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            List<Map<String, String>> rows = new ArrayList<>();
            for (BackupEntry e : Backups.listOf(backups.root.workbenchFile())) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("file", e.file().getFileName().toString());
                m.put("taken_at", e.takenAt().toString());
                m.put("kind", e.kind());
                BackupManifest man = e.manifest().orElse(null);
                m.put("schema", man == null ? "" : man.schemaVersion());
                m.put("datasets", man == null ? "" : String.valueOf(man.count("datasets")));
                m.put("agreements", man == null ? "" : String.valueOf(man.count("agreements")));
                m.put("assessments", man == null ? "" : String.valueOf(man.count("assessments")));
                m.put("audit_events", man == null ? "" : String.valueOf(man.count("auditEvents")));
                m.put("audit_head", man == null || man.auditHash() == null ? "(no manifest)"
                        : man.auditSequence() + ":" + man.auditHash().substring(0, Math.min(16, man.auditHash().length())));
                m.put("bytes", String.valueOf(e.bytes()));
                rows.add(m);
            }
            RecordOutput.print(backups.root.context().out(), f, COLUMNS, rows);
            if (f == RecordOutput.Format.TEXT) {
                backups.root.context().err().println(rows.size() + " backups in "
                        + backups.root.workbenchFile().toAbsolutePath().getParent().resolve("backups"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "rotation", mixinStandardHelpOptions = true,
            description = {"Shows or sets which routine backups are kept: the newest N, plus one a week for W weeks.",
                    "Backups taken before a migration or a restore, and the ones you take by hand, are never deleted."})
    static final class Rotation implements Callable<Integer> {

        @ParentCommand
        BackupsCommand backups;

        @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N routine backups (1–1000).")
        Integer keepLast;

        @Option(names = "--keep-weeks", paramLabel = "W", description = "Also keep one a week for W weeks (0–520).")
        Integer keepWeeks;

        @Override
        public Integer call() throws Exception {
            // The rotation lives in the backups folder, not in the workbench: reading the file is enough.
            try (WorkbenchSession session = backups.root.open(Access.READ_ONLY, false)) {
                BackupRotation current = session.backups().rotation();
                if (keepLast != null || keepWeeks != null) {
                    BackupRotation wanted;
                    try {
                        wanted = new BackupRotation(keepLast == null ? current.keepLast() : keepLast,
                                keepWeeks == null ? current.keepWeeks() : keepWeeks);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
                    }
                    int deleted = session.backups().setRotation(wanted).size();
                    current = wanted;
                    backups.root.context().err().println("Rotation saved; " + deleted + " routine backups it no longer"
                            + " keeps were deleted.");
                }
                backups.root.context().out().println("keep-last " + current.keepLast() + ", keep-weeks "
                        + current.keepWeeks());
                return ExitCode.OK;
            }
        }
    }
}
