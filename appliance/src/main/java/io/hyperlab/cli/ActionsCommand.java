package io.hyperlab.cli;

import io.hyperlab.history.ActionRow;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hyperlab actions [--host H]}: the log of setup actions, oldest first. */
@Command(name = "actions", mixinStandardHelpOptions = true,
    description = "Show the log of setup actions (hosts, VMs, ISO libraries, networks), oldest first.")
final class ActionsCommand extends HostTask {
    @Option(names = "--host", paramLabel = "NAME", description = "Only the actions on this host.")
    String host;

    @Override
    void run(HostAccess access) {
        List<ActionRow> actions = access.history.actions().list(host);
        Table table = new Table(">#", "Started", "Host", "Action", "Outcome", "By", "Error");
        for (ActionRow action : actions) {
            table.add(action.id(), Format.time(action.startedAt()), action.host(), action.action(), action.outcome(), action.actor(),
                action.error());
        }
        print(actions, actions.isEmpty() ? "No actions yet." : table.render(""));
    }
}
