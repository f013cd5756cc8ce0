// Thin VS Code client for `sunting lsp`. All checking happens in the server; this file only
// starts it, hands it the user's settings and restarts it on request.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

const SECTION = "sunting";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** What the server reads: sent as `initializationOptions` and, on every change, as
 *  `workspace/didChangeConfiguration` with `{ settings: { sunting: <this> } }`. */
interface ServerSettings {
  minLevel: "error" | "warning" | "info";
  extraPacks: string[];
}

interface Settings {
  /** The program to run as `<path> lsp`. */
  path: string;
  server: ServerSettings;
}

function readSettings(): Settings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const home = process.env.HOME ?? process.env.USERPROFILE;
  const resolve = (p: string): string => {
    if (p.startsWith("~/") && home) {
      return path.join(home, p.slice(2));
    }
    return path.isAbsolute(p) || !folder ? p : path.join(folder, p);
  };
  const bin = cfg.get<string>("path", "sunting").trim() || "sunting";
  return {
    // A bare name ("sunting") is looked up on PATH; anything with a slash is a file path.
    path: bin.includes("/") || bin.includes("\\") ? resolve(bin) : bin,
    server: {
      minLevel: cfg.get<ServerSettings["minLevel"]>("minLevel", "info"),
      extraPacks: cfg.get<string[]>("extraPacks", []).map(resolve),
    },
  };
}

function createClient(settings: Settings): LanguageClient {
  const serverOptions: ServerOptions = {
    command: settings.path,
    args: ["lsp"],
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: settings.server,
    outputChannel: output,
    // Lets the server find a project's `.sunting.toml` when it changes.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/.sunting.toml"),
    },
  };
  // The id "sunting" makes the client honour the `sunting.trace.server` setting.
  return new LanguageClient(SECTION, "Sunting", serverOptions, clientOptions);
}

/** Whether `bin` names a program that exists: a file path as is, a bare name on PATH. */
function programExists(bin: string): boolean {
  const isFile = (p: string): boolean => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (bin.includes("/") || bin.includes("\\")) {
    return isFile(bin);
  }
  const exts = process.platform === "win32" ? ["", ".exe", ".cmd", ".bat"] : [""];
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "")
    .some((dir) => exts.some((ext) => isFile(path.join(dir, bin + ext))));
}

async function start(): Promise<void> {
  const settings = readSettings();
  if (!programExists(settings.path)) {
    const choice = await vscode.window.showErrorMessage(
      `Sunting: the program "${settings.path}" was not found. Install sunting, or put the ` +
        "full path to it in the setting sunting.path, then run “Sunting: Restart server”.",
      "Open settings",
    );
    if (choice === "Open settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "sunting.path");
    }
    return;
  }
  client = createClient(settings);
  try {
    await client.start();
  } catch (err) {
    // The client has already shown the error and logged it in the "Sunting" output panel.
    output?.error(`could not start "${settings.path} lsp": ${String(err)}`);
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old && old.state !== State.Stopped) {
    try {
      await old.stop();
    } catch {
      // A server that already died cannot be stopped; starting a new one is what matters.
    }
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("Sunting", { log: true });
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand("sunting.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      // A different program needs a new server; anything else is sent to the running one.
      if (event.affectsConfiguration(`${SECTION}.path`) || !client) {
        await restart();
        return;
      }
      if (client.state === State.Running) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: readSettings().server },
        });
      }
    }),
  );

  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
