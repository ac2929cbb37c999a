using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using NexusZero.Proofs;

namespace NexusZero.Cli.Commands;

/// <summary>What `verify` and `inspect` print about an envelope: its header, sizes and the statement's public values.</summary>
internal sealed class EnvelopeDescription
{
    private EnvelopeDescription(ProofEnvelope envelope, int fileLength, IProofSystem? system, ParameterSet? parameters, Statement? statement, string? statementError)
    {
        Envelope = envelope;
        FileLength = fileLength;
        System = system;
        Parameters = parameters;
        Statement = statement;
        StatementError = statementError;
    }

    public ProofEnvelope Envelope { get; }

    public int FileLength { get; }

    public IProofSystem? System { get; }

    public ParameterSet? Parameters { get; }

    public Statement? Statement { get; }

    public string? StatementError { get; }

    /// <summary>Parses the envelope and, when its proof system is known, decodes the statement.</summary>
    public static bool TryCreate(byte[] bytes, EnvelopeLimits limits, ProofSystemRegistry registry, [NotNullWhen(true)] out EnvelopeDescription? description, [NotNullWhen(false)] out string? error)
    {
        description = null;
        if (!ProofEnvelope.TryParse(bytes, limits, out var envelope, out error))
        {
            return false;
        }

        IProofSystem? system = null;
        ParameterSet? parameters = null;
        Statement? statement = null;
        string? statementError;
        if (!registry.TryGet(envelope.ProofSystem, out system))
        {
            statementError = "no registered proof system decodes this statement";
        }
        else if (!system.TryGetParameterSet(envelope.ParameterSetId, out parameters))
        {
            statementError = system.DescribeRefusedParameterSet(envelope.ParameterSetId);
        }
        else
        {
            system.TryDecodeStatement(envelope.Statement.Span, parameters, out statement, out statementError);
        }

        description = new EnvelopeDescription(envelope, bytes.Length, system, parameters, statement, statementError);
        return true;
    }

    public string ProofSystemLabel => $"{Envelope.ProofSystem} (0x{(ushort)Envelope.ProofSystem:x4})";

    public string ParameterSetLabel => Parameters is null ? $"{Envelope.ParameterSetId}" : $"{Parameters.Name} ({Envelope.ParameterSetId})";

    /// <summary>The parameter set's security, or why the verifier refuses the set (which, for a set it can decode, names its bits).</summary>
    public string SecurityLabel => Parameters is not null ? Parameters.DescribeSecurity()
        : System is not null ? $"refused: {System.DescribeRefusedParameterSet(Envelope.ParameterSetId)}"
        : "unknown (no registered proof system)";

    /// <summary>The context as text when it is printable UTF-8, otherwise null.</summary>
    public string? ContextText
    {
        get
        {
            try
            {
                var text = new UTF8Encoding(false, true).GetString(Envelope.Context.Span);
                return text.All(c => !char.IsControl(c)) ? text : null;
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
    }

    public void WritePublicValues(TextWriter output)
    {
        if (Statement is null)
        {
            output.WriteLine($"statement:      not decodable ({StatementError})");
            return;
        }

        var circuitInputs = (Statement as NexusZero.Proofs.Circuits.CircuitStatement)?.PublicInputs;
        var index = 0;
        foreach (var (name, value) in Statement.DescribePublicValues())
        {
            // A circuit's small public values (fixed-point inputs and outputs, an argmax) also as signed integers.
            var integer = "";
            if (circuitInputs is not null && name == $"public{index}")
            {
                integer = SignedFieldValue.TryGetInt64(circuitInputs[index], out var signed) ? $" (= {signed})" : "";
                index++;
            }

            output.WriteLine($"{name + ":",-16}{value}{integer}");
        }
    }

    public JsonObject PublicValuesJson()
    {
        var values = new JsonObject();
        foreach (var (name, value) in Statement?.DescribePublicValues() ?? [])
        {
            values[name] = value;
        }

        return values;
    }
}
