using System.Globalization;
using System.Text;

namespace CrewPass.Conformance.Evidence;

/// <summary>
/// Evidence shows what arrived, not what it makes a reader see: control characters and invisible format characters (bidi
/// overrides such as U+202E, zero-width marks) are written as \uXXXX escapes in every output. Line breaks and tabs stay.
/// </summary>
public static class Printable
{
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAnyExcept(Plain);
        while (first >= 0 && !Confusable(text[first]))
        {
            var next = text.AsSpan(first + 1).IndexOfAnyExcept(Plain);
            first = next < 0 ? -1 : first + 1 + next;
        }
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
            if (Confusable(c)) escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        return escaped.ToString();
    }

    public static bool Confusable(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Printable ASCII and the kept whitespace: the fast path skips them without looking up a category.</summary>
    private static readonly System.Buffers.SearchValues<char> Plain =
        System.Buffers.SearchValues.Create(string.Concat(Enumerable.Range(0x20, 0x5f).Select(i => (char)i)) + "\n\r\t");
}
