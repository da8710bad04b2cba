#pragma once
once_h_once
