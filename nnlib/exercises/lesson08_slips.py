"""More typical wrong answers for lesson 8's checks (08_playground), kept apart from lesson08.py so each file
stays short: `MORE[name]` is appended to lesson08.SLIPS[name]. Data for the engine in engine.py."""
from .engine import Slip

MORE = {
    "playground_neurons": [
        Slip("zero", "With no hidden neuron the output alone draws one straight line, and no line separates a disc "
                     "from the ring around it.", 0),
        Slip("eight", "8 neurons do reach 90%, but the question is the fewest: how many straight lines does it take "
                      "to close a shape around the disc?", 8),
        Slip("five", "Five lines make a pentagon around the disc, and it reaches 90%, but fewer lines already close "
                     "a shape around it.", 5),
        Slip("six", "Six neurons reach 90% too (a hexagon is rounder), but the question is the fewest that do.", 6),
    ],
}
