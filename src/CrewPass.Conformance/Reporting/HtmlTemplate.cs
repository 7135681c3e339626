using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace CrewPass.Conformance.Reporting;

/// <summary>
/// The pages the harness writes, as Handlebars templates embedded in the engine: every <c>{{value}}</c> is
/// HTML-encoded by the template engine, so no text a target or client sent can become markup.
/// </summary>
public static class HtmlTemplate
{
    private static readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Compiled = new();

    /// <summary>Renders the engine's Templates/<paramref name="name"/>.html.hbs.</summary>
    public static string Render(string name, object model) =>
        Render(typeof(HtmlTemplate).Assembly, $"CrewPass.Conformance.Reporting.Templates.{name}.html.hbs", model);

    /// <summary>Renders a host's own template, embedded in <paramref name="assembly"/>.</summary>
    public static string Render(System.Reflection.Assembly assembly, string resource, object model) =>
        Compiled.GetOrAdd(resource, _ => Compile(assembly, resource))(model);

    private static HandlebarsTemplate<object, object> Compile(System.Reflection.Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"no template {resource}");
        using var reader = new StreamReader(stream);
        return Handlebars.Create().Compile(reader.ReadToEnd());
    }
}
