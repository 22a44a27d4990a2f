package org.custodian.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.TrashItem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "trash", mixinStandardHelpOptions = true,
        description = "What was deleted (risks, actions, evidence), kept until it is restored or purged.",
        subcommands = {TrashCommand.ListItems.class, TrashCommand.Restore.class, TrashCommand.Purge.class})
final class TrashCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: list, restore or purge.");
    }

    static UUID id(Object command, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(command), "'" + text + "' is not a trash item id"
                    + " (see 'trash list').");
        }
    }

    static void requireFound(TrashItem item, String id) {
        if (item == null) {
            throw new org.custodian.logic.io.InputRejectedException("There is no item " + id + " in the trash.");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the trash, newest first.")
    static final class ListItems implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("id", "kind", "label", "belonged_to", "deleted_at", "deleted_by",
                "reason");

        @ParentCommand
        TrashCommand trash;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws java.io.IOException {
            RecordOutput.Format f = listFormat.of(this);
            try (WorkbenchSession session = trash.root.open(Access.READ_ONLY, false)) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (TrashItem item : session.trash().list()) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("id", item.id().toString());
                    m.put("kind", item.kind());
                    m.put("label", item.label());
                    m.put("belonged_to", item.ownerLabel());
                    m.put("deleted_at", item.deletedAt().toString());
                    m.put("deleted_by", item.deletedBy());
                    m.put("reason", item.reason() == null ? "" : item.reason());
                    rows.add(m);
                }
                RecordOutput.print(trash.root.context().out(), f, COLUMNS, rows);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Puts an item back where it was (refused when its assessment has since been decided).")
    static final class Restore implements Callable<Integer> {

        @ParentCommand
        TrashCommand trash;

        @Parameters(paramLabel = "ID", description = "The item's id, as 'trash list' shows it.")
        String id;

        @Override
        public Integer call() {
            UUID itemId = id(this, id);
            try (WorkbenchSession session = trash.root.open(Access.READ_WRITE, false)) {
                requireFound(session.trash().find(itemId).orElse(null), id);
                TrashItem item = session.trash().restore(itemId);
                trash.root.context().err().println("Restored the " + item.kind() + " “" + item.label() + "” to "
                        + item.ownerLabel() + ".");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Removes an item from the trash for good (an evidence file nothing else names is deleted",
                    "too). Needs --reason, which the audit trail keeps, and --confirm."})
    static final class Purge implements Callable<Integer> {

        @ParentCommand
        TrashCommand trash;

        @Parameters(paramLabel = "ID", description = "The item's id, as 'trash list' shows it.")
        String id;

        @Option(names = "--reason", required = true, description = "Why it is purged (kept in the audit trail).")
        String reason;

        @Option(names = "--confirm", description = "Confirms that the item is to be removed for good.")
        boolean confirm;

        @Override
        public Integer call() {
            UUID itemId = id(this, id);
            if (!confirm) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Purging cannot be undone: add"
                        + " --confirm.");
            }
            try (WorkbenchSession session = trash.root.open(Access.READ_WRITE, false)) {
                requireFound(session.trash().find(itemId).orElse(null), id);
                TrashItem item = session.trash().purge(itemId, reason);
                trash.root.context().err().println("Purged the " + item.kind() + " “" + item.label() + "”.");
                return ExitCode.OK;
            }
        }
    }
}
