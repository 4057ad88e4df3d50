/// Escapes text for HTML element content and attribute values.
func html(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.append(character)
        }
    }
    return escaped
}

/// Shared page style for the printable pages.
let pageStyle = """
    body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
    th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
    th { background: #f2f2f2; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    h1 { font-size: 1.4em; margin-bottom: 0.2em; }
    .meta { color: #555; margin-bottom: 1em; }
    @media print { body { margin: 0.5cm; } a { color: inherit; text-decoration: none; } }
    """
