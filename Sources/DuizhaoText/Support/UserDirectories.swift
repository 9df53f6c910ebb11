import Foundation

/// Duizhao's folders in the user's home, as the XDG base-directory specification places them.
public enum UserDirectories {
    /// `$XDG_DATA_HOME/duizhao`, else `~/.local/share/duizhao`: installed dictionaries and model.
    public static func data(_ environment: [String: String]) -> String {
        base(environment, "XDG_DATA_HOME", ".local/share") + "/duizhao"
    }

    /// `$XDG_CACHE_HOME/duizhao`, else `~/.cache/duizhao`: what can be made again.
    public static func cache(_ environment: [String: String]) -> String {
        base(environment, "XDG_CACHE_HOME", ".cache") + "/duizhao"
    }

    private static func base(_ environment: [String: String], _ variable: String, _ fallback: String) -> String {
        environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? NSHomeDirectory()) + "/" + fallback
    }
}
