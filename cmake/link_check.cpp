// Linked with one stage's whole archive into a shared object with
// --no-undefined: the link fails when the stage calls into a stage it does
// not depend on (see CMakeLists.txt).
