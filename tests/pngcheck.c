/*
 * pngcheck: decodes each PNG named on the command line with libpng and
 * prints "WIDTHxHEIGHT DPI" for it; exits 1 if any fails to decode.
 * Used by tests/run.sh to check chart PNGs without comparing bytes.
 */
#include <png.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int
check(const char *path)
{
	png_image	 img;
	png_bytep	 px;
	FILE		*fp;
	png_structp	 png;
	png_infop	 info;
	png_uint_32	 xres = 0, yres = 0;
	int		 unit = 0;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, path)) {
		fprintf(stderr, "%s: %s\n", path, img.message);
		return 1;
	}
	img.format = PNG_FORMAT_RGB;
	px = malloc(PNG_IMAGE_SIZE(img));
	if (px == NULL || !png_image_finish_read(&img, NULL, px, 0, NULL)) {
		fprintf(stderr, "%s: %s\n", path, img.message);
		free(px);
		return 1;
	}
	free(px);
	/* The physical size, from pHYs. */
	if ((fp = fopen(path, "rb")) == NULL)
		return 1;
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png_create_info_struct(png);
	if (setjmp(png_jmpbuf(png)) == 0) {
		png_init_io(png, fp);
		png_read_info(png, info);
		png_get_pHYs(png, info, &xres, &yres, &unit);
	}
	png_destroy_read_struct(&png, &info, NULL);
	fclose(fp);
	printf("%ux%u %ld\n", img.width, img.height,
	    unit == PNG_RESOLUTION_METER ? lround(xres * 0.0254) : 0L);
	return 0;
}

int
main(int argc, char *argv[])
{
	int	 i, rc = 0;

	for (i = 1; i < argc; i++)
		rc |= check(argv[i]);
	return rc;
}
