using System.Buffers.Binary;
using System.Security.Cryptography;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Formats;

/// <summary>The model commitment, re-encoded here byte by byte from docs/formats.md ("Model commitment").</summary>
public sealed class ModelCommitmentVectorTests
{
    // x[1,2] · W[2,2] with W = [[0.5, −0.25], [1, 0]]: one affine layer, rows (0.5, 1) and (−0.25, 0).
    private static byte[] Model() => new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [2, 2], [0.5f, -0.25f, 1f, 0f])
        .Node("MatMul", ["x", "W"], "y").Build("y", [1, 2]);

    [Fact]
    public void TheCommitmentIsTheDocumentedEncodingsDigest()
    {
        var encoding = new List<byte>("NexusZero.Inference.Model.v1"u8.ToArray());
        void U32(params int[] values)
        {
            foreach (var v in values)
            {
                var b = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v);
                encoding.AddRange(b);
            }
        }

        void I64(params long[] values)
        {
            U32(values.Length);
            foreach (var v in values)
            {
                var b = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(b, v);
                encoding.AddRange(b);
            }
        }

        U32(7, 7, 16);          // scales and input width
        U32(2, 2, 2);           // two values of two elements
        U32(0, 1, 0);           // input id, output id, no Softmax
        U32(1);                 // one layer
        U32(1, 1, 0, 1, 7);     // affine, one input (value 0), output value 1, shift 7
        U32(3, 0, 2, 4);        // RowStart
        U32(4, 0, 1, 0, 1);     // Columns
        I64(64, 128, -32, 0);   // round(w·2^7)
        I64(64, 64);            // round(b·2^14) + 2^6
        var expected = SHA256.HashData(encoding.ToArray());

        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(Model()));
        Assert.Equal(expected, model.Commitment.ToArray());

        // The same bytes hashed by Python's hashlib from the documented layout (struct.pack '>I' / '>q').
        Assert.Equal("11150d0695ac89eda6189c65112e32c015a5ae4642595a4f6a04078536948153", Convert.ToHexStringLower(expected));
    }

    [Fact]
    public void TheStatementListsOutputsCommitmentHalvesAndInputs()
    {
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(Model()));
        var keys = InferenceCircuitKeys.CreateWithLocalSetup(model);
        var statement = keys.Statement(new InferenceClaim([128, -64], [-32, 64], null));
        var halves = NexusZero.Proofs.Circuits.PreimageCircuit.DigestInputs(model.Commitment.Span);
        NexusZero.Circuits.FieldElement F(long v) => NexusZero.Circuits.FieldElement.FromInt64(v);
        Assert.Equal([F(-32), F(64), halves[0], halves[1], F(128), F(-64)], statement.PublicInputs);

        // x = (1, −0.5): y0 = 0.5 − 0.5 = 0, y1 = −0.25; quantized ⌊(64·128 + 128·(−64) + 64)/128⌋ = 0 and ⌊(−32·128 + 64)/128⌋ = −32.
        var trace = model.Evaluate([128, -64]);
        Assert.Equal([0L, -32L], trace.Output);
    }
}
