#define FROM_HEADER 7
#define MARK(...) 0
