// SPDX-License-Identifier: MIT
#include "ode/NativeStep.h"

#include "ode/CompiledModel.h"
#include "ode/LaneBlock.h"
#include "util/VectorMath.h"

#include <libgccjit.h>

#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace scs {
namespace {

static_assert(sizeof(StageInputs) == 8 * sizeof(double), "the native step reads StageInputs as double[8]");
constexpr int kDriveOffset = 4; // StageInputs::drive follows StageInputs::time

// The helpers the native code calls for everything but plain arithmetic. They are the
// interpreter's own operations, so results are identical.
double nativeExp(double x) { return vmath::exp(x); }
double nativeExprel(double x) { return vmath::exprel(x); }
double nativeUniform(Random* rng) { return rng->uniform(); }
double nativeNormal(Random* rng) { return rng->normal(); }
double nativeApply(int op, double a, double b, double c) { return applyOp(static_cast<OpCode>(op), a, b, c); }

// Builds the step function: one gcc_jit_function over a local per slot. The entry block loads
// every slot the step touches from the slot array (gcc drops the loads nothing reads), the body
// is straight-line code, and the exit stores the slots anything outside the step reads.
class StepTranslator {
public:
    StepTranslator(gcc_jit_context* ctx, const CompiledModel& m, Method method, int driveSlot)
        : ctx_(ctx), m_(m), method_(method), driveSlot_(driveSlot), locals_(m.initialSlots.size(), nullptr),
          written_(m.initialSlots.size(), false) {
        double_ = gcc_jit_context_get_type(ctx_, GCC_JIT_TYPE_DOUBLE);
        int_ = gcc_jit_context_get_type(ctx_, GCC_JIT_TYPE_INT);
        bool_ = gcc_jit_context_get_type(ctx_, GCC_JIT_TYPE_BOOL);
        gcc_jit_type* voidPtr = gcc_jit_context_get_type(ctx_, GCC_JIT_TYPE_VOID_PTR);
        gcc_jit_type* doublePtr = gcc_jit_type_get_pointer(double_);
        gcc_jit_param* params[] = {gcc_jit_context_new_param(ctx_, nullptr, doublePtr, "slots"),
                                   gcc_jit_context_new_param(ctx_, nullptr, doublePtr, "stages"),
                                   gcc_jit_context_new_param(ctx_, nullptr, voidPtr, "rng")};
        slots_ = gcc_jit_param_as_rvalue(params[0]);
        stages_ = gcc_jit_param_as_rvalue(params[1]);
        rng_ = gcc_jit_param_as_rvalue(params[2]);
        fn_ = gcc_jit_context_new_function(ctx_, nullptr, GCC_JIT_FUNCTION_EXPORTED, int_, "scs_step", 3, params, 0);
        entry_ = gcc_jit_function_new_block(fn_, "entry");
        body_ = gcc_jit_function_new_block(fn_, "body");

        gcc_jit_type* unary[] = {double_};
        gcc_jit_type* random[] = {voidPtr};
        gcc_jit_type* generic[] = {int_, double_, double_, double_};
        exp_ = helper(gcc_jit_context_new_function_ptr_type(ctx_, nullptr, double_, 1, unary, 0),
                      reinterpret_cast<void*>(&nativeExp));
        exprel_ = helper(gcc_jit_context_new_function_ptr_type(ctx_, nullptr, double_, 1, unary, 0),
                         reinterpret_cast<void*>(&nativeExprel));
        gcc_jit_type* randomType = gcc_jit_context_new_function_ptr_type(ctx_, nullptr, double_, 1, random, 0);
        uniform_ = helper(randomType, reinterpret_cast<void*>(&nativeUniform));
        normal_ = helper(randomType, reinterpret_cast<void*>(&nativeNormal));
        apply_ = helper(gcc_jit_context_new_function_ptr_type(ctx_, nullptr, double_, 4, generic, 0),
                        reinterpret_cast<void*>(&nativeApply));
    }

    void translate() {
        const bool conditionRefractory = m_.refractory == CompiledModel::Refractory::Condition;
        if (conditionRefractory) {
            enterStage(0);
            emit(m_.refractoryProgram);
            assign(m_.notRefractorySlot,
                   asDouble(compare(GCC_JIT_COMPARISON_EQ, read(m_.refractorySlot), number(0.0))));
        }
        integrate();
        gcc_jit_rvalue* finite = nullptr;
        for (std::uint16_t s : m_.stateSlots) {
            // x - x is 0 for a finite x and NaN for NaN or infinity.
            gcc_jit_rvalue* ok =
                compare(GCC_JIT_COMPARISON_EQ, binary(GCC_JIT_BINARY_OP_MINUS, read(s), read(s)), number(0.0));
            finite =
                finite ? gcc_jit_context_new_binary_op(ctx_, nullptr, GCC_JIT_BINARY_OP_LOGICAL_AND, bool_, finite, ok)
                       : ok;
        }
        gcc_jit_rvalue* result =
            finite ? asInt(gcc_jit_context_new_unary_op(ctx_, nullptr, GCC_JIT_UNARY_OP_LOGICAL_NEGATE, bool_, finite))
                   : gcc_jit_context_zero(ctx_, int_);
        if (m_.hasThreshold) {
            enterStage(0);
            emit(m_.threshold);
            gcc_jit_rvalue* held = asInt(compare(GCC_JIT_COMPARISON_NE, read(m_.thresholdSlot), number(0.0)));
            result = gcc_jit_context_new_binary_op(
                ctx_, nullptr, GCC_JIT_BINARY_OP_BITWISE_OR, int_, result,
                gcc_jit_context_new_binary_op(ctx_, nullptr, GCC_JIT_BINARY_OP_MULT, int_, held,
                                              gcc_jit_context_new_rvalue_from_int(ctx_, int_, kNativeThresholdHeld)));
        }
        gcc_jit_lvalue* flags = gcc_jit_function_new_local(fn_, nullptr, int_, "flags");
        gcc_jit_block_add_assignment(body_, nullptr, flags, result);

        // Everything outside the step reads states, time, drive and the refractory and threshold
        // values; temporaries and derivatives are private to it.
        std::vector<std::uint16_t> visible(m_.stateSlots.begin(), m_.stateSlots.end());
        for (std::uint16_t s : {m_.tSlot, m_.notRefractorySlot, m_.refractorySlot, m_.thresholdSlot})
            visible.push_back(s);
        if (driveSlot_ >= 0) visible.push_back(static_cast<std::uint16_t>(driveSlot_));
        for (std::uint16_t s : visible)
            if (locals_[s] && written_[s])
                gcc_jit_block_add_assignment(body_, nullptr, slotAt(s), gcc_jit_lvalue_as_rvalue(locals_[s]));
        gcc_jit_block_end_with_return(body_, nullptr, gcc_jit_lvalue_as_rvalue(flags));

        for (std::size_t s = 0; s < locals_.size(); ++s)
            if (locals_[s])
                gcc_jit_block_add_assignment(entry_, nullptr, locals_[s], gcc_jit_lvalue_as_rvalue(slotAt(s)));
        gcc_jit_block_end_with_jump(entry_, nullptr, body_);
    }

private:
    gcc_jit_rvalue* helper(gcc_jit_type* type, void* address) {
        return gcc_jit_context_new_rvalue_from_ptr(ctx_, type, address);
    }
    gcc_jit_rvalue* number(double v) { return gcc_jit_context_new_rvalue_from_double(ctx_, double_, v); }
    gcc_jit_rvalue* index(std::size_t i) {
        return gcc_jit_context_new_rvalue_from_int(ctx_, int_, static_cast<int>(i));
    }
    gcc_jit_lvalue* slotAt(std::size_t s) { return gcc_jit_context_new_array_access(ctx_, nullptr, slots_, index(s)); }
    gcc_jit_rvalue* stageInput(std::size_t i) {
        return gcc_jit_lvalue_as_rvalue(gcc_jit_context_new_array_access(ctx_, nullptr, stages_, index(i)));
    }

    gcc_jit_lvalue* newLocal(const char* prefix, std::size_t number) {
        std::string name(prefix);
        name += std::to_string(number);
        return gcc_jit_function_new_local(fn_, nullptr, double_, name.c_str());
    }
    gcc_jit_lvalue* local(std::uint16_t s) {
        if (!locals_[s]) locals_[s] = newLocal("s", s);
        return locals_[s];
    }
    gcc_jit_rvalue* read(std::uint16_t s) {
        if (m_.constantSlots[s]) return number(m_.initialSlots[s]);
        return gcc_jit_lvalue_as_rvalue(local(s));
    }
    void assign(std::uint16_t s, gcc_jit_rvalue* value) {
        gcc_jit_block_add_assignment(body_, nullptr, local(s), value);
        written_[s] = true;
    }

    gcc_jit_rvalue* binary(gcc_jit_binary_op op, gcc_jit_rvalue* a, gcc_jit_rvalue* b) {
        return gcc_jit_context_new_binary_op(ctx_, nullptr, op, double_, a, b);
    }
    gcc_jit_rvalue* compare(gcc_jit_comparison op, gcc_jit_rvalue* a, gcc_jit_rvalue* b) {
        return gcc_jit_context_new_comparison(ctx_, nullptr, op, a, b);
    }
    gcc_jit_rvalue* asInt(gcc_jit_rvalue* flag) { return gcc_jit_context_new_cast(ctx_, nullptr, flag, int_); }
    gcc_jit_rvalue* asDouble(gcc_jit_rvalue* flag) {
        return gcc_jit_context_new_cast(ctx_, nullptr, asInt(flag), double_);
    }
    gcc_jit_rvalue* isTrue(gcc_jit_rvalue* v) { return compare(GCC_JIT_COMPARISON_NE, v, number(0.0)); }
    gcc_jit_rvalue* call(gcc_jit_rvalue* fn, std::vector<gcc_jit_rvalue*> args) {
        return gcc_jit_context_new_call_through_ptr(ctx_, nullptr, fn, static_cast<int>(args.size()), args.data());
    }

    // The value `in` computes: the interpreter's arithmetic (runScalar / applyOp), term by term.
    gcc_jit_rvalue* value(const Instruction& in) {
        gcc_jit_rvalue* a = read(in.a);
        switch (in.op) {
        case OpCode::Copy:
            return a;
        case OpCode::Add:
            return binary(GCC_JIT_BINARY_OP_PLUS, a, read(in.b));
        case OpCode::Sub:
            return binary(GCC_JIT_BINARY_OP_MINUS, a, read(in.b));
        case OpCode::Mul:
            return binary(GCC_JIT_BINARY_OP_MULT, a, read(in.b));
        case OpCode::Div:
            return binary(GCC_JIT_BINARY_OP_DIVIDE, a, read(in.b));
        case OpCode::Neg:
            return gcc_jit_context_new_unary_op(ctx_, nullptr, GCC_JIT_UNARY_OP_MINUS, double_, a);
        case OpCode::Lt:
            return asDouble(compare(GCC_JIT_COMPARISON_LT, a, read(in.b)));
        case OpCode::Le:
            return asDouble(compare(GCC_JIT_COMPARISON_LE, a, read(in.b)));
        case OpCode::Gt:
            return asDouble(compare(GCC_JIT_COMPARISON_GT, a, read(in.b)));
        case OpCode::Ge:
            return asDouble(compare(GCC_JIT_COMPARISON_GE, a, read(in.b)));
        case OpCode::Eq:
            return asDouble(compare(GCC_JIT_COMPARISON_EQ, a, read(in.b)));
        case OpCode::Ne:
            return asDouble(compare(GCC_JIT_COMPARISON_NE, a, read(in.b)));
        case OpCode::And:
            return asDouble(gcc_jit_context_new_binary_op(ctx_, nullptr, GCC_JIT_BINARY_OP_LOGICAL_AND, bool_,
                                                          isTrue(a), isTrue(read(in.b))));
        case OpCode::Or:
            return asDouble(gcc_jit_context_new_binary_op(ctx_, nullptr, GCC_JIT_BINARY_OP_LOGICAL_OR, bool_, isTrue(a),
                                                          isTrue(read(in.b))));
        case OpCode::Not:
            return asDouble(compare(GCC_JIT_COMPARISON_EQ, a, number(0.0)));
        case OpCode::Square:
            return binary(GCC_JIT_BINARY_OP_MULT, a, read(in.a));
        case OpCode::Cube:
            return binary(GCC_JIT_BINARY_OP_MULT, binary(GCC_JIT_BINARY_OP_MULT, a, read(in.a)), read(in.a));
        case OpCode::Reciprocal:
            return binary(GCC_JIT_BINARY_OP_DIVIDE, number(1.0), a);
        case OpCode::AddTo:
            return binary(GCC_JIT_BINARY_OP_PLUS, read(in.dst), a);
        case OpCode::SubFrom:
            return binary(GCC_JIT_BINARY_OP_MINUS, read(in.dst), a);
        case OpCode::MulBy:
            return binary(GCC_JIT_BINARY_OP_MULT, read(in.dst), a);
        case OpCode::DivBy:
            return binary(GCC_JIT_BINARY_OP_DIVIDE, read(in.dst), a);
        case OpCode::Exp:
            return call(exp_, {a});
        case OpCode::Exprel:
            return call(exprel_, {a});
        case OpCode::Rand:
            return call(uniform_, {rng_});
        case OpCode::Randn:
            return call(normal_, {rng_});
        default:
            return call(apply_, {gcc_jit_context_new_rvalue_from_int(ctx_, int_, static_cast<int>(in.op)), a,
                                 read(in.b), read(in.c)});
        }
    }

    void emit(const Program& p) {
        for (const Instruction& in : p.code) assign(in.dst, value(in));
    }

    void enterStage(std::size_t stage) {
        assign(m_.tSlot, stageInput(stage));
        if (driveSlot_ >= 0) assign(static_cast<std::uint16_t>(driveSlot_), stageInput(kDriveOffset + stage));
    }

    // dt * f_k, with f_k frozen (times 0) while refractory for "(unless refractory)" states.
    gcc_jit_rvalue* increment(std::size_t k) {
        gcc_jit_rvalue* f = read(m_.derivativeSlots[k]);
        if (m_.unlessRefractory[k]) f = binary(GCC_JIT_BINARY_OP_MULT, f, read(m_.notRefractorySlot));
        return binary(GCC_JIT_BINARY_OP_MULT, read(m_.dtSlot), f);
    }

    // The same stages as LaneBlock::integrate.
    void integrate() {
        const std::size_t n = m_.stateSlots.size();
        std::vector<gcc_jit_lvalue*> x0(n), acc(n), kk(n);
        for (std::size_t k = 0; k < n; ++k) {
            x0[k] = newLocal("x0_", k);
            acc[k] = newLocal("acc_", k);
            kk[k] = newLocal("k_", k);
        }
        auto x = [&](std::size_t k) { return read(m_.stateSlots[k]); };
        auto setX = [&](std::size_t k, gcc_jit_rvalue* v) { assign(m_.stateSlots[k], v); };
        auto get = [](gcc_jit_lvalue* l) { return gcc_jit_lvalue_as_rvalue(l); };
        auto keep = [&](gcc_jit_lvalue* l, gcc_jit_rvalue* v) { gcc_jit_block_add_assignment(body_, nullptr, l, v); };
        switch (method_) {
        case Method::Euler:
            enterStage(0);
            emit(m_.derivatives);
            for (std::size_t k = 0; k < n; ++k) keep(kk[k], increment(k));
            for (std::size_t k = 0; k < n; ++k) setX(k, binary(GCC_JIT_BINARY_OP_PLUS, x(k), get(kk[k])));
            break;
        case Method::Rk2:
            for (std::size_t k = 0; k < n; ++k) keep(x0[k], x(k));
            enterStage(0);
            emit(m_.derivatives);
            for (std::size_t k = 0; k < n; ++k) keep(kk[k], increment(k));
            for (std::size_t k = 0; k < n; ++k)
                setX(k, binary(GCC_JIT_BINARY_OP_PLUS, get(x0[k]),
                               binary(GCC_JIT_BINARY_OP_MULT, number(0.5), get(kk[k]))));
            enterStage(1);
            emit(m_.derivatives);
            for (std::size_t k = 0; k < n; ++k) keep(kk[k], increment(k));
            for (std::size_t k = 0; k < n; ++k) setX(k, binary(GCC_JIT_BINARY_OP_PLUS, get(x0[k]), get(kk[k])));
            break;
        case Method::Rk4: {
            static constexpr double nextWeight[3] = {0.5, 0.5, 1.0};
            static constexpr double sumWeight[4] = {1.0, 2.0, 2.0, 1.0};
            for (std::size_t k = 0; k < n; ++k) keep(x0[k], x(k));
            for (std::size_t s = 0; s < 4; ++s) {
                enterStage(s);
                emit(m_.derivatives);
                // All increments first: the derivatives read every state of this stage.
                for (std::size_t k = 0; k < n; ++k) keep(kk[k], increment(k));
                for (std::size_t k = 0; k < n; ++k) {
                    keep(acc[k], s == 0 ? get(kk[k])
                                        : binary(GCC_JIT_BINARY_OP_PLUS, get(acc[k]),
                                                 binary(GCC_JIT_BINARY_OP_MULT, number(sumWeight[s]), get(kk[k]))));
                    if (s < 3)
                        setX(k, binary(GCC_JIT_BINARY_OP_PLUS, get(x0[k]),
                                       binary(GCC_JIT_BINARY_OP_MULT, number(nextWeight[s]), get(kk[k]))));
                }
            }
            for (std::size_t k = 0; k < n; ++k)
                setX(k, binary(GCC_JIT_BINARY_OP_PLUS, get(x0[k]),
                               binary(GCC_JIT_BINARY_OP_DIVIDE, get(acc[k]), number(6.0))));
            break;
        }
        case Method::ExponentialEuler:
        case Method::Exact:
            throw NativeCodeError("no native step for this method");
        }
    }

    gcc_jit_context* ctx_;
    const CompiledModel& m_;
    Method method_;
    int driveSlot_;
    std::vector<gcc_jit_lvalue*> locals_;
    std::vector<bool> written_;
    gcc_jit_type* double_ = nullptr;
    gcc_jit_type* int_ = nullptr;
    gcc_jit_type* bool_ = nullptr;
    gcc_jit_rvalue* slots_ = nullptr;
    gcc_jit_rvalue* stages_ = nullptr;
    gcc_jit_rvalue* rng_ = nullptr;
    gcc_jit_function* fn_ = nullptr;
    gcc_jit_block* entry_ = nullptr;
    gcc_jit_block* body_ = nullptr;
    gcc_jit_rvalue* exp_ = nullptr;
    gcc_jit_rvalue* exprel_ = nullptr;
    gcc_jit_rvalue* uniform_ = nullptr;
    gcc_jit_rvalue* normal_ = nullptr;
    gcc_jit_rvalue* apply_ = nullptr;
};

bool onPath(const std::string& tool) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        if (!dir.empty() && ::access((dir + "/" + tool).c_str(), X_OK) == 0) return true;
    return false;
}

// libgccjit's embedded driver runs `as` and `ld`, and when it cannot it exits the whole process
// instead of returning an error, so they are looked for first.
void requireBinutils() {
    static const bool found = onPath("as") && onPath("ld");
    if (!found) throw NativeCodeError("the assembler and linker ('as' and 'ld' from binutils) are not on PATH");
}

struct ContextOwner {
    gcc_jit_context* ctx = gcc_jit_context_acquire();
    ~ContextOwner() { gcc_jit_context_release(ctx); }
};

} // namespace

std::string NativeStep::libraryVersion() {
    return std::to_string(gcc_jit_version_major()) + "." + std::to_string(gcc_jit_version_minor()) + "." +
           std::to_string(gcc_jit_version_patchlevel());
}

std::string NativeStep::unsupportedReason(const CompiledModel& model, Method method) {
    if (method != Method::Euler && method != Method::Rk2 && method != Method::Rk4)
        return "native steps cover euler, rk2 and rk4";
    if (model.constantSlots.size() != model.initialSlots.size()) return "the model was compiled without slot roles";
    return {};
}

std::shared_ptr<const NativeStep> NativeStep::compile(const CompiledModel& model, Method method, int driveSlot) {
    if (std::string why = unsupportedReason(model, method); !why.empty()) throw NativeCodeError(why);
    requireBinutils();
    const auto start = std::chrono::steady_clock::now();
    ContextOwner owner;
    gcc_jit_context* ctx = owner.ctx;
    gcc_jit_context_set_int_option(ctx, GCC_JIT_INT_OPTION_OPTIMIZATION_LEVEL, 2);
    // Bit-identical to the interpreter: no fused multiply-add, no reassociation.
    gcc_jit_context_add_command_line_option(ctx, "-ffp-contract=off");
    gcc_jit_context_add_command_line_option(ctx, "-fno-fast-math");
    StepTranslator(ctx, model, method, driveSlot).translate();
    gcc_jit_result* result = gcc_jit_context_compile(ctx);
    if (!result) {
        const char* error = gcc_jit_context_get_first_error(ctx);
        throw NativeCodeError(std::string("libgccjit could not compile the model's step: ") +
                              (error ? error : "no message (are binutils installed?)"));
    }
    auto fn = reinterpret_cast<Fn>(gcc_jit_result_get_code(result, "scs_step"));
    if (!fn) {
        gcc_jit_result_release(result);
        throw NativeCodeError("libgccjit produced no step function");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::shared_ptr<const NativeStep>(new NativeStep(result, fn, seconds));
}

NativeStep::~NativeStep() { gcc_jit_result_release(result_); }

} // namespace scs
