using NexusZero.Circuits;
using NexusZero.Compute;
using NexusZero.Groups.Bn254;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Accelerators.Ilgpu.Tests;

/// <summary>The seam's policy: selection, the secret-scalar default, fallback on failure and its record in the metrics.</summary>
[Collection(AcceleratorCollection.Name)]
public sealed class ComputeSeamTests(AcceleratorFixture fixture)
{
    private static readonly Lazy<(BuiltCircuit Circuit, Groth16ProvingKey Key)> Cubic = new(() =>
    {
        static BuiltCircuit Build(CircuitBuilder builder, ulong x)
        {
            var secret = builder.Witness(FieldElement.FromUInt64(x));
            var cube = builder.Multiply(builder.Multiply(secret, secret), secret);
            var y = builder.PublicInput("y", FieldElement.FromUInt64((x * x * x) + x + 5));
            builder.PublicInput("context", FieldElement.Zero);
            builder.AssertEqual(cube + secret + FieldElement.FromUInt64(5), y, "y");
            return builder.Build();
        }

        return (Build(CircuitBuilder.ForProving(), 3), Groth16DevelopmentSetup.CreateKeys(Build(CircuitBuilder.ForSetup(), 0).System));
    });

    [Fact]
    public void SecretScalarsStayOnTheCpuUnlessTheCallerOptsIn()
    {
        var scalars = Inputs.RandomFrs(4);
        var points = Inputs.RandomPoints(4);
        var forced = new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = fixture.Backend };

        using (var scope = ComputeScope.Begin(forced))
        {
            ComputeRouter.Current.MultiplyG1(scalars, points, DataSecrecy.Secret);
            Assert.Equal(new ComputeReport(0, 1, false, null), scope.Report);
            ComputeRouter.Current.MultiplyG1(scalars, points, DataSecrecy.Public);
            Assert.Equal(new ComputeReport(1, 1, false, null), scope.Report);
            Assert.Equal(fixture.Backend.Name, scope.BackendName);
        }

        using (var scope = ComputeScope.Begin(forced with { AllowSecretScalars = true }))
        {
            ComputeRouter.Current.MultiplyG1(scalars, points, DataSecrecy.Secret);
            Assert.Equal(1, scope.Report.AcceleratedOperations);
        }
    }

    [Fact]
    public void AutomaticModeNeverPicksAnEmulatedAcceleratorOrASmallInput()
    {
        using var scope = ComputeScope.Begin(ComputeOptions.Automatic(fixture.Backend) with { MsmThreshold = 1, NttThreshold = 1 });
        ComputeRouter.Current.MultiplyG1(Inputs.RandomFrs(3), Inputs.RandomPoints(3), DataSecrecy.Public);
        ComputeRouter.Current.LatticeForward(new int[256], DataSecrecy.Public);
        Assert.Equal(fixture.Backend.IsDeviceAccelerated ? 2 : 0, scope.Report.AcceleratedOperations);
        Assert.Equal(ComputeOptions.Cpu, new ComputeOptions());
    }

    [Fact]
    public void Ristretto255GroupMsmsGoThroughTheSeam()
    {
        // The group's variable-time MSM is for public data, so the accelerator takes it without the secret opt-in.
        var group = NexusZero.Groups.Ristretto255.Ristretto255Group.Instance;
        var scalars = Enumerable.Range(0, 6).Select(_ => group.RandomScalar()).ToArray();
        var elements = scalars.Select(k => group.MultiplyBase(group.RandomScalar())).ToArray();
        var expected = group.MultiScalarMultiplyVarTime(scalars, elements);
        using var scope = ComputeScope.Begin(new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = fixture.Backend });
        Assert.Equal(expected, group.MultiScalarMultiplyVarTime(scalars, elements));
        Assert.Equal(new ComputeReport(1, 0, false, null), scope.Report);
    }

    [Fact]
    public void Ristretto255MsmsWithGeneratorTermsGoThroughTheSeam()
    {
        // On the CPU the generator's terms use its precomputed table; the accelerator takes the generator as a point.
        var group = NexusZero.Groups.Ristretto255.Ristretto255Group.Instance;
        var scalars = Enumerable.Range(0, 5).Select(_ => group.RandomScalar()).ToArray();
        NexusZero.Groups.GroupElement[] elements = [group.Generator, group.MultiplyBase(group.RandomScalar()), group.Generator, group.MultiplyBase(group.RandomScalar()), group.MultiplyBase(group.RandomScalar())];
        var expected = group.MultiScalarMultiplyVarTime(scalars, elements);
        using var scope = ComputeScope.Begin(new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = fixture.Backend });
        Assert.Equal(expected, group.MultiScalarMultiplyVarTime(scalars, elements));
        Assert.Equal(new ComputeReport(1, 0, false, null), scope.Report);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(7, 4)]
    [InlineData(400, 2)]
    public void FixedBaseTableMsmsGoThroughTheSeam(int fixedCount, int variableCount)
    {
        // The path of the Bulletproofs and Schnorr batch verifiers (generator tables; 400 takes the bucket method on
        // the CPU): the same sum on the accelerator, from each table's point, the variable points and the generator.
        var (fixedScalars, fixedPoints) = RistrettoTerms(fixedCount);
        var (variableScalars, variablePoints) = RistrettoTerms(variableCount);
        var baseScalar = RistrettoTerms(1).Scalars[0];
        var tables = NexusZero.Groups.Ristretto255.FixedBaseTable.Build(fixedPoints, 5, fixedCount >= 384 ? 8 : 0);
        var expected = NexusZero.Groups.Ristretto255.FixedBaseMsm.MultiplyVarTime(baseScalar, fixedScalars, tables, variableScalars, variablePoints);

        using var scope = ComputeScope.Begin(new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = fixture.Backend });
        var offloaded = NexusZero.Groups.Ristretto255.FixedBaseMsm.MultiplyVarTime(baseScalar, fixedScalars, tables, variableScalars, variablePoints);
        Assert.Equal(new ComputeReport(1, 0, false, null), scope.Report);
        Assert.Equal(new NexusZero.Groups.Ristretto255.Ristretto255Element(expected), new NexusZero.Groups.Ristretto255.Ristretto255Element(offloaded));
    }

    [Fact]
    public void RangeProofsVerifyOnTheAcceleratorAndTamperedOnesDoNot()
    {
        var group = NexusZero.Groups.Ristretto255.Ristretto255Group.Instance;
        var blinding = group.RandomScalar();
        var commitment = NexusZero.Proofs.Sigma.PedersenGenerators.Commit(NexusZero.Proofs.RangeProofs.ConstantTimeGroupOps.ScalarFromUInt64(group, 42), blinding);
        var envelope = new NexuszeroApi().ProveRange(commitment, 42, blinding, 10, 100, bits: 16, context: "range"u8).ToBytes();
        var onDevice = new NexuszeroApi(ProtocolConfig.Default() with { Compute = new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = fixture.Backend } });

        Assert.True(onDevice.Verify(envelope).IsValid);
        var tampered = (byte[])envelope.Clone();
        tampered[^3] ^= 0x10;
        Assert.False(onDevice.Verify(tampered).IsValid);
    }

    [Fact]
    public void OutsideAnyScopeEverythingRunsOnTheCpu() => Assert.Same(ComputeRouter.CpuOnly, ComputeRouter.Current);

    [Fact]
    public void AFailingAcceleratorFallsBackToTheCpuAndIsRecorded()
    {
        var broken = IlgpuComputeBackend.CreateCpuAccelerator();
        broken.Dispose();
        var scalars = Inputs.RandomFrs(6);
        var points = Inputs.RandomPoints(6);
        var values = Inputs.RandomFrs(8);
        var expectedValues = (Fr[])values.Clone();
        var domain = new FrDomain(3);
        domain.Forward(expectedValues);

        using var scope = ComputeScope.Begin(new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = broken, AllowSecretScalars = true });
        var result = ComputeRouter.Current.MultiplyG1(scalars, points, DataSecrecy.Public);
        ComputeRouter.Current.TransformFr(domain, values, FrTransform.Forward, DataSecrecy.Secret);

        Assert.Equal(Pippenger.Multiply<Fp, G1Curve>(scalars, points).ToAffine(), result.ToAffine());
        Assert.Equal(expectedValues, values);
        var report = scope.Report;
        Assert.Equal(0, report.AcceleratedOperations);
        Assert.True(report.Fallback);
        Assert.Contains("G1 MSM on ilgpu-cpu failed (ObjectDisposedException)", report.FallbackReason);
        Assert.Equal("cpu", scope.BackendName);
    }

    [Fact]
    public void AGroth16ProofMadeOnTheAcceleratorVerifies()
    {
        var (circuit, key) = Cubic.Value;
        using var scope = ComputeScope.Begin(new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = fixture.Backend, AllowSecretScalars = true });
        var proof = Groth16Prover.Prove(key, circuit.System, circuit.Witness);
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, circuit.PublicValues, proof).IsValid);

        // Four G1 MSMs and the verifier's IC sum, seven NTTs; G2 stays on the CPU.
        Assert.Equal(new ComputeReport(12, 1, false, null), scope.Report);
    }

    [Fact]
    public void ThePipelineRecordsTheBackendAndAFallbackInTheProofsMetrics()
    {
        var (circuit, key) = Cubic.Value;
        var broken = IlgpuComputeBackend.CreateCpuAccelerator();
        broken.Dispose();
        var baseConfig = ProtocolConfig.Default() with { SecurityLevel = 100 };
        foreach (var (accelerator, fallback) in new[] { (fixture.Backend, false), (broken, true) })
        {
            var config = baseConfig with { Compute = new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = accelerator, AllowSecretScalars = true } };
            var api = new NexuszeroApi(config);
            using var witness = new CircuitWitness(key, circuit.System, circuit.Witness);
            var result = api.Prove(new ProofRequest(Groth16ProofSystem.Instance, new CircuitStatement(key.VerifyingKey, [circuit.PublicValues[0]]), witness, "ctx"u8.ToArray()));

            Assert.Equal(fallback, result.Metrics.ComputeFallback);
            Assert.Equal(fallback ? "cpu" : fixture.Backend.Name, result.Metrics.ComputeBackend);
            Assert.Equal(fallback, result.Metrics.ComputeFallbackReason is not null);
            Assert.True(result.Metrics.VerifyAfterResult!.IsValid);
        }

        var defaults = new NexuszeroApi(baseConfig);
        using var plainWitness = new CircuitWitness(key, circuit.System, circuit.Witness);
        var plain = defaults.Prove(new ProofRequest(Groth16ProofSystem.Instance, new CircuitStatement(key.VerifyingKey, [circuit.PublicValues[0]]), plainWitness, "ctx"u8.ToArray()));
        Assert.Equal("cpu", plain.Metrics.ComputeBackend);
        Assert.False(plain.Metrics.ComputeFallback);
    }

    [Fact]
    public void InvalidOptionsAreAConfigurationError()
    {
        Assert.Equal(NexusZeroErrorKind.ConfigurationError, Assert.Throws<NexusZeroException>(() => new ComputeOptions { Mode = ComputeMode.Accelerator }.Validate()).Kind);
        Assert.Equal(NexusZeroErrorKind.ConfigurationError, Assert.Throws<NexusZeroException>(() => new ComputeOptions { MsmThreshold = 0 }.Validate()).Kind);
        Assert.Equal(NexusZeroErrorKind.ConfigurationError, Assert.Throws<NexusZeroException>(() => new NexuszeroApi(ProtocolConfig.Default() with { Compute = new ComputeOptions { NttThreshold = -1 } })).Kind);
    }

    private static (NexusZero.Groups.Ristretto255.Scalar[] Scalars, NexusZero.Groups.Ristretto255.EdwardsPoint[] Points) RistrettoTerms(int count)
    {
        var group = NexusZero.Groups.Ristretto255.Ristretto255Group.Instance;
        var scalars = new NexusZero.Groups.Ristretto255.Scalar[count];
        var points = new NexusZero.Groups.Ristretto255.EdwardsPoint[count];
        for (var i = 0; i < count; i++)
        {
            scalars[i] = ((NexusZero.Groups.Ristretto255.Ristretto255Scalar)group.RandomScalar()).Value;
            points[i] = ((NexusZero.Groups.Ristretto255.Ristretto255Element)group.MultiplyBase(group.RandomScalar())).Point;
        }

        return (scalars, points);
    }
}
