#pragma once

// Points up: the store below the annotation service. check-layers.sh must refuse it.
#include "annotation/annotationservice.h"
