using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Classical;

/// <summary>Prove and verify for each sigma protocol.</summary>
[MemoryDiagnoser]
public class SigmaProofBenchmarks
{
    private IPrimeOrderGroup _group = null!;
    private (IProofSystem System, Statement Statement, Witness Witness, ParameterSet Parameters, byte[] Proof) _dleq;
    private (IProofSystem System, Statement Statement, Witness Witness, ParameterSet Parameters, byte[] Proof) _opening;
    private (IProofSystem System, Statement Statement, Witness Witness, ParameterSet Parameters, byte[] Proof) _linear;
    private (IProofSystem System, Statement Statement, Witness Witness, ParameterSet Parameters, byte[] Proof) _or;

    [Params("ristretto255", "secp256k1")]
    public string Group { get; set; } = "ristretto255";

    [GlobalSetup]
    public void Setup()
    {
        _group = BenchmarkGroups.ByName(Group);
        var g = _group;

        var x = g.RandomScalar();
        var h = g.MultiplyBase(g.RandomScalar());
        _dleq = Make(DiscreteLogEqualityProofSystem.Instance, new DiscreteLogEqualityStatement(g, g.Generator, h, g.MultiplyBase(x), x * h), new DiscreteLogEqualityWitness(x));

        var v = g.RandomScalar();
        var r = g.RandomScalar();
        _opening = Make(PedersenOpeningProofSystem.Instance, new PedersenOpeningStatement(g, PedersenGenerators.Commit(v, r)), new PedersenOpeningWitness(v, r));

        GroupScalar[] values = [g.RandomScalar(), g.RandomScalar(), g.ScalarZero];
        values[2] = values[0] + values[1];
        GroupScalar[] blindings = [g.RandomScalar(), g.RandomScalar(), g.RandomScalar()];
        var commitments = values.Zip(blindings, PedersenGenerators.Commit).ToArray();
        _linear = Make(LinearRelationProofSystem.Instance, new LinearRelationStatement(g, commitments, [g.ScalarOne, g.ScalarOne, -g.ScalarOne], g.ScalarZero), new LinearRelationWitness(values, blindings));

        var y = g.RandomScalar();
        var or = SigmaCompositionStatement.AnyOf(new DiscreteLogStatement(g, g.MultiplyBase(y)), new DiscreteLogStatement(g, g.MultiplyBase(g.RandomScalar())));
        _or = Make(SigmaCompositionProofSystem.Instance, or, new SigmaCompositionWitness(new DiscreteLogWitness(y), null));
    }

    private (IProofSystem, Statement, Witness, ParameterSet, byte[]) Make(IProofSystem system, Statement statement, Witness witness)
    {
        var parameters = system.SelectDefaultParameters(statement, 128);
        return (system, statement, witness, parameters, system.Prove(statement, witness, parameters, []));
    }

    [Benchmark]
    public byte[] DleqProve() => _dleq.System.Prove(_dleq.Statement, _dleq.Witness, _dleq.Parameters, []);

    [Benchmark]
    public bool DleqVerify() => _dleq.System.Verify(_dleq.Statement, _dleq.Proof, _dleq.Parameters, []).IsValid;

    [Benchmark]
    public byte[] PedersenOpeningProve() => _opening.System.Prove(_opening.Statement, _opening.Witness, _opening.Parameters, []);

    [Benchmark]
    public bool PedersenOpeningVerify() => _opening.System.Verify(_opening.Statement, _opening.Proof, _opening.Parameters, []).IsValid;

    [Benchmark]
    public byte[] LinearRelationProve() => _linear.System.Prove(_linear.Statement, _linear.Witness, _linear.Parameters, []);

    [Benchmark]
    public bool LinearRelationVerify() => _linear.System.Verify(_linear.Statement, _linear.Proof, _linear.Parameters, []).IsValid;

    [Benchmark]
    public byte[] OrOfTwoProve() => _or.System.Prove(_or.Statement, _or.Witness, _or.Parameters, []);

    [Benchmark]
    public bool OrOfTwoVerify() => _or.System.Verify(_or.Statement, _or.Proof, _or.Parameters, []).IsValid;
}
