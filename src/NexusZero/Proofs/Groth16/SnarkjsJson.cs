using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NexusZero.Circuits;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// snarkjs's JSON files for Groth16 over BN254 ("bn128"): <c>verification_key.json</c>, <c>proof.json</c>,
/// <c>public.json</c>. Numbers are decimal strings; G1 points are [x, y, "1"], G2 points
/// [[x.re, x.im], [y.re, y.im], ["1", "0"]], the point at infinity [0, 1, 0] (G2: [[0,0],[1,0],[0,0]]).
/// BigInteger appears only in decimal parsing and printing of public values (keys, proofs, public signals):
/// this is verifier and interop code, never a secret path.
/// Reading is strict: every coordinate canonical, every point on its curve and G2 points in the subgroup,
/// z exactly 1 (or the infinity form), counts as declared; writing produces the same layout snarkjs writes.
/// </summary>
public static class SnarkjsJson
{
    /// <summary>The largest JSON file read (1 MiB; a key with 2^12 public inputs is about 700 KiB).</summary>
    public const int MaxJsonBytes = 1 << 20;

    /// <summary>Writes a verifying key as snarkjs's <c>verification_key.json</c> (with <c>vk_alphabeta_12</c> = e(α, β)).</summary>
    public static string WriteVerifyingKey(Groth16VerifyingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var alphaBeta = Bn254Pairing.Pair(key.Alpha, key.Beta);
        var ic = new JsonArray();
        foreach (var point in key.Ic)
        {
            ic.Add(G1(point));
        }

        var json = new JsonObject
        {
            ["protocol"] = "groth16",
            ["curve"] = "bn128",
            ["nPublic"] = key.PublicInputCount,
            ["vk_alpha_1"] = G1(key.Alpha),
            ["vk_beta_2"] = G2(key.Beta),
            ["vk_gamma_2"] = G2(key.Gamma),
            ["vk_delta_2"] = G2(key.Delta),
            ["vk_alphabeta_12"] = Fp12Json(alphaBeta),
            ["IC"] = ic,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes a proof as snarkjs's <c>proof.json</c>.</summary>
    public static string WriteProof(Groth16Proof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var json = new JsonObject
        {
            ["pi_a"] = G1(proof.A),
            ["pi_b"] = G2(proof.B),
            ["pi_c"] = G1(proof.C),
            ["protocol"] = "groth16",
            ["curve"] = "bn128",
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes public signals as snarkjs's <c>public.json</c>.</summary>
    public static string WritePublic(IEnumerable<FieldElement> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value.ToString());
        }

        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads <c>verification_key.json</c>.</summary>
    /// <exception cref="FormatException">Anything malformed; the message names the field.</exception>
    public static Groth16VerifyingKey ReadVerifyingKey(string json)
    {
        var root = Parse(json, "verification key");
        RequireGroth16(root, "verification key");
        var nPublic = root["nPublic"]?.GetValueKind() == JsonValueKind.Number ? root["nPublic"]!.GetValue<long>() : throw new FormatException("verification key: nPublic is missing or not a number.");
        if (nPublic < 0 || nPublic > Groth16VerifyingKey.MaxPublicInputs)
        {
            throw new FormatException($"verification key: nPublic {nPublic} is outside 0..{Groth16VerifyingKey.MaxPublicInputs}.");
        }

        var icArray = root["IC"] as JsonArray ?? throw new FormatException("verification key: IC is missing.");
        if (icArray.Count != nPublic + 1)
        {
            throw new FormatException($"verification key: IC has {icArray.Count} points but nPublic is {nPublic} (needs nPublic + 1).");
        }

        var ic = new G1Point[icArray.Count];
        for (var i = 0; i < ic.Length; i++)
        {
            ic[i] = ReadG1(icArray[i], $"IC[{i}]");
        }

        return new Groth16VerifyingKey(
            ReadG1(root["vk_alpha_1"], "vk_alpha_1"),
            ReadG2(root["vk_beta_2"], "vk_beta_2"),
            ReadG2(root["vk_gamma_2"], "vk_gamma_2"),
            ReadG2(root["vk_delta_2"], "vk_delta_2"),
            ic);
    }

    /// <summary>Reads <c>proof.json</c>.</summary>
    /// <exception cref="FormatException">Anything malformed; the message names the field.</exception>
    public static Groth16Proof ReadProof(string json)
    {
        var root = Parse(json, "proof");
        RequireGroth16(root, "proof");
        return new Groth16Proof(ReadG1(root["pi_a"], "pi_a"), ReadG2(root["pi_b"], "pi_b"), ReadG1(root["pi_c"], "pi_c"));
    }

    /// <summary>Reads <c>public.json</c>: canonical decimal field elements.</summary>
    /// <exception cref="FormatException">Anything malformed; the message names the entry.</exception>
    public static FieldElement[] ReadPublic(string json)
    {
        var node = ParseNode(json, "public signals") as JsonArray ?? throw new FormatException("public signals: not a JSON array.");
        if (node.Count > Groth16VerifyingKey.MaxPublicInputs)
        {
            throw new FormatException($"public signals: {node.Count} entries; at most {Groth16VerifyingKey.MaxPublicInputs}.");
        }

        var values = new FieldElement[node.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var text = String(node[i], $"public signal {i}");
            values[i] = FieldElement.TryParse(text, out var value) && value.ToString() == text
                ? value
                : throw new FormatException($"public signal {i}: \"{Shorten(text)}\" is not a canonical decimal element of the scalar field.");
        }

        return values;
    }

    private static JsonNode? ParseNode(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxJsonBytes)
        {
            throw new FormatException($"{what}: longer than {MaxJsonBytes} characters.");
        }

        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{what}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private static JsonObject Parse(string json, string what) =>
        ParseNode(json, what) as JsonObject ?? throw new FormatException($"{what}: not a JSON object.");

    private static void RequireGroth16(JsonObject root, string what)
    {
        if (root["protocol"]?.GetValueKind() != JsonValueKind.String || root["protocol"]!.GetValue<string>() != "groth16")
        {
            throw new FormatException($"{what}: protocol must be \"groth16\".");
        }

        if (root["curve"]?.GetValueKind() != JsonValueKind.String || root["curve"]!.GetValue<string>() != "bn128")
        {
            throw new FormatException($"{what}: curve must be \"bn128\" (BN254).");
        }
    }

    private static G1Point ReadG1(JsonNode? node, string name)
    {
        var array = Array(node, name, 3);
        var x = ReadFp(array[0], $"{name}[0]");
        var y = ReadFp(array[1], $"{name}[1]");
        var z = ReadFp(array[2], $"{name}[2]");
        if (z.IsZero && x.IsZero && y == Fp.One)
        {
            return G1Point.Identity;
        }

        if (z != Fp.One)
        {
            throw new FormatException($"{name}: z must be 1 (affine) or the point at infinity [0, 1, 0].");
        }

        var bytes = new byte[64];
        x.WriteBigEndian(bytes.AsSpan(0, 32));
        y.WriteBigEndian(bytes.AsSpan(32, 32));
        return Bn254Encoding.TryDecodeG1(bytes, out var point, out var error) && !point.IsIdentity
            ? point
            : throw new FormatException($"{name}: {error ?? "(0, 0) is not the point at infinity here"}.");
    }

    private static G2Point ReadG2(JsonNode? node, string name)
    {
        var array = Array(node, name, 3);
        var x = ReadFp2(array[0], $"{name}[0]");
        var y = ReadFp2(array[1], $"{name}[1]");
        var z = ReadFp2(array[2], $"{name}[2]");
        if (z == Fp2.Zero && x == Fp2.Zero && y == Fp2.One)
        {
            return G2Point.Identity;
        }

        if (z != Fp2.One)
        {
            throw new FormatException($"{name}: z must be [1, 0] (affine) or the point at infinity.");
        }

        var bytes = new byte[128];
        x.C1.WriteBigEndian(bytes.AsSpan(0, 32));
        x.C0.WriteBigEndian(bytes.AsSpan(32, 32));
        y.C1.WriteBigEndian(bytes.AsSpan(64, 32));
        y.C0.WriteBigEndian(bytes.AsSpan(96, 32));
        return Bn254Encoding.TryDecodeG2(bytes, out var point, out var error) && !point.IsIdentity
            ? point
            : throw new FormatException($"{name}: {error ?? "(0, 0) is not the point at infinity here"}.");
    }

    private static Fp2 ReadFp2(JsonNode? node, string name)
    {
        var array = Array(node, name, 2);
        return new Fp2(ReadFp(array[0], $"{name}[0]"), ReadFp(array[1], $"{name}[1]"));
    }

    private static Fp ReadFp(JsonNode? node, string name)
    {
        var text = String(node, name);
        if (text.Length is 0 or > 78 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            throw new FormatException($"{name}: \"{Shorten(text)}\" is not a canonical decimal number.");
        }

        var value = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        var bytes = new byte[32];
        if (!value.TryWriteBytes(bytes, out var written, isUnsigned: true, isBigEndian: true))
        {
            throw new FormatException($"{name}: {Shorten(text)} is not below the base field's modulus.");
        }

        var padded = new byte[32];
        bytes.AsSpan(0, written).CopyTo(padded.AsSpan(32 - written));
        return Fp.TryFromBigEndian(padded, out var result)
            ? result
            : throw new FormatException($"{name}: {Shorten(text)} is not below the base field's modulus.");
    }

    private static JsonArray Array(JsonNode? node, string name, int length) =>
        node is JsonArray array && array.Count == length ? array : throw new FormatException($"{name}: expected an array of {length}.");

    private static string String(JsonNode? node, string name) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw new FormatException($"{name}: expected a decimal string.");

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static JsonArray G1(G1Point point)
    {
        if (point.IsIdentity)
        {
            return ["0", "1", "0"];
        }

        var affine = point.ToAffine();
        return [Decimal(affine.X), Decimal(affine.Y), "1"];
    }

    private static JsonArray G2(G2Point point)
    {
        if (point.IsIdentity)
        {
            return [new JsonArray("0", "0"), new JsonArray("1", "0"), new JsonArray("0", "0")];
        }

        var affine = point.ToAffine();
        return [Fp2Json(affine.X), Fp2Json(affine.Y), new JsonArray("1", "0")];
    }

    private static JsonArray Fp2Json(Fp2 value) => [Decimal(value.C0), Decimal(value.C1)];

    private static JsonArray Fp12Json(Fp12 value) =>
    [
        new JsonArray(Fp2Json(value.C0.C0), Fp2Json(value.C0.C1), Fp2Json(value.C0.C2)),
        new JsonArray(Fp2Json(value.C1.C0), Fp2Json(value.C1.C1), Fp2Json(value.C1.C2)),
    ];

    private static string Decimal(Fp value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
