"""Self-checking exercises: `check.<exercise>(your_answer)` prints "correct" or exactly what is wrong.

Each check prints the input, what was expected and what came back, and returns True or False. It
compares against nnlib's own implementation or a known answer, on fixed inputs, so the printed text
is the same on every run. The checks live by lesson in check_basics (1-2), check_backprop (3-4) and
check_training (5-7); the engine is in exercise.py. (Plumbing, not lesson.)
"""
from .exercise import function, report, value
from .check_basics import perceptron_predict, perceptron_update, nand_weights, sigmoid_derivative, xor_forward, xor_gradients
from .check_backprop import central_difference, backprop_tanh, forward_columns, relu_gate, softmax_ce_grad, mse_gate
from .check_training import l2_penalty, alternates, top_eigenvalue, momentum_step, adam_step, step_decay_lr, playground_circle, playground_one_neuron, playground_regularise
