using TriageBot.Content.Localization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace TriageBot.Content.Yaml;

/// <summary>Reads a <see cref="LocalizedText"/> from a plain string or a map with a <c>default</c> entry.</summary>
internal sealed class LocalizedTextConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(LocalizedText);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new LocalizedText(scalar.Value);
        }

        if (!parser.TryConsume<MappingStart>(out var start))
        {
            var at = parser.Current;
            throw new YamlException(at?.Start ?? Mark.Empty, at?.End ?? Mark.Empty,
                "expected a text or a map like { default: \"...\", en-US: \"...\" }");
        }

        string? defaultText = null;
        var variants = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (!parser.TryConsume<Scalar>(out var value))
            {
                throw new YamlException(key.Start, key.End, $"the '{key.Value}' variant must be a text");
            }

            if (key.Value == LocalizedText.DefaultKey)
            {
                defaultText = value.Value;
            }
            else if (!variants.TryAdd(key.Value, value.Value))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key '{key.Value}'");
            }
        }

        if (defaultText is null)
        {
            throw new YamlException(start.Start, start.End, "a text with locale variants needs a 'default' entry");
        }

        return new LocalizedText(defaultText, variants);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("Content is read, never written.");
}
